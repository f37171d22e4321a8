"""The district policy's class ids the scanning tests assert (fixtures are in
district_fixtures)."""

FERPA = "ferpa-student-record"
MGL_93H = "mgl-93h-personal-information"
