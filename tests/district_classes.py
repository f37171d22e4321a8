"""The district policy's class ids that the scanning tests assert."""

FERPA = "ferpa-student-record"
MGL_93H = "mgl-93h-personal-information"
