"""Form labels in the languages families fill in, read as their English labels.

A district sends registration, health and reimbursement forms home in Spanish,
Portuguese and Haitian Creole, and they come back filled in: "Fecha de nacimiento:
04/22/2016", "Non fanmi: JEAN-BAPTISTE", "Número da conta | 8010142927". Rather
than repeat every English rule (column headers, context words, labelled names,
record shapes) in each language, a label is put into English where it stands, and
the English rules read it. Only labels are translated (a phrase at a line's start,
or after a gap, and followed by its colon), never the values after them, and never
across a line break: line numbers and values stay as the family wrote them.
"""

from __future__ import annotations

import re

from scanners.recognizers.prefilter import prefiltered

# (foreign label, its English label), the foreign one in lower case and without
# its optional plural or gender ending "(s)", "(a)"
LABELS: tuple[tuple[str, str], ...] = (
    # Spanish
    ("nombre del estudiante", "student name"),
    ("nombre del niño", "child name"),
    ("nombre de la niña", "child name"),
    ("grado", "grade"),
    ("nombre del alumno", "student name"),
    ("nombre de la alumna", "student name"),
    ("nombre completo", "full name"),
    ("nombre del padre", "parent name"),
    ("nombre de la madre", "parent name"),
    ("nombre del padre/tutor", "parent name"),
    ("nombre del tutor", "guardian name"),
    ("primer nombre", "first name"),
    ("nombres", "first name"),
    ("nombre", "name"),
    ("primer apellido", "last name"),
    ("apellidos", "last name"),
    ("apellido", "last name"),
    ("fecha de nacimiento", "date of birth"),
    ("número de estudiante", "student number"),
    ("número de estudiante local", "local student number"),
    ("número local del estudiante", "local student number"),
    ("núm. de estudiante", "student number"),
    ("núm de estudiante", "student number"),
    ("no. de estudiante", "student number"),
    ("número del estudiante", "student number"),
    ("número de identificación del estudiante", "student id"),
    ("id del estudiante", "student id"),
    ("número de seguro social", "social security number"),
    ("seguro social", "social security number"),
    ("licencia de conducir", "driver license"),
    ("licencia de manejo", "driver license"),
    ("número de licencia", "license number"),
    ("número de cuenta", "account number"),
    ("cuenta bancaria", "bank account"),
    ("cuenta corriente", "checking account"),
    ("cuenta de cheques", "checking account"),
    ("cuenta de ahorros", "savings account"),
    ("número de ruta", "routing number"),
    ("número de tránsito", "routing number"),
    ("número de tarjeta", "card number"),
    ("tarjeta de crédito", "credit card"),
    ("teléfono", "phone"),
    ("dirección", "address"),
    ("correo electrónico", "email"),
    ("alergias", "allergies"),
    ("medicamentos", "medications"),
    ("medicamento", "medication"),
    ("dosis y hora", "dose and time"),
    ("médico", "physician"),
    ("condiciones médicas", "medical conditions"),
    # Portuguese
    ("nome do aluno", "student name"),
    ("nome da aluna", "student name"),
    ("nome do(s) aluno(s)", "student name"),
    ("nome do estudante", "student name"),
    ("nome do responsável", "guardian name"),
    ("nome completo", "full name"),
    ("primeiro nome", "first name"),
    ("nome", "name"),
    ("sobrenome", "last name"),
    ("data de nascimento", "date of birth"),
    ("nome da criança", "child name"),
    ("sobrenome do aluno", "student last name"),
    ("sobrenome da aluna", "student last name"),
    ("nº de identificação do aluno", "student id number"),
    ("n.º de identificação do aluno", "student id number"),
    ("número de identificação do aluno", "student id number"),
    ("número de identificação", "id number"),
    ("série", "grade"),
    ("escola / série", "school / grade"),
    ("nº da licença de aprendiz", "learner permit number"),
    ("licença de aprendiz", "learner permit"),
    ("número do aluno", "student number"),
    ("número local do aluno", "local student number"),
    ("nº do aluno", "student number"),
    ("n.º do aluno", "student number"),
    ("número de aluno", "student number"),
    ("número do seguro social", "social security number"),
    ("carteira de motorista", "driver license"),
    ("carteira de habilitação", "driver license"),
    ("número da carteira", "license number"),
    ("número da conta", "account number"),
    ("conta bancária", "bank account"),
    ("conta corrente", "checking account"),
    ("conta poupança", "savings account"),
    ("número de roteamento", "routing number"),
    ("titular da conta", "account holder"),
    ("número do cartão", "card number"),
    ("cartão de crédito", "credit card"),
    ("telefone", "phone"),
    ("endereço", "address"),
    ("alergias", "allergies"),
    ("medicamentos", "medications"),
    ("condições médicas", "medical conditions"),
    # Haitian Creole
    ("non ak siyati elèv la", "student name"),
    ("non ak siyati elèv", "student name"),
    ("non timoun nan", "child name"),
    ("non pitit la", "child name"),
    ("klas", "grade"),
    ("non elèv la", "student name"),
    ("non elèv", "student name"),
    ("non elev", "student name"),
    ("non paran", "parent name"),
    ("non fanmi", "last name"),
    ("prenon", "first name"),
    ("non konplè", "full name"),
    ("non", "name"),
    ("dat nesans", "date of birth"),
    ("dat de nesans", "date of birth"),
    ("nimewo elèv", "student number"),
    ("nimewo elev", "student number"),
    # (the school's own number, as a letter home gives it beside the SASID)
    ("nimewo elèv lokal", "local student number"),
    ("nimewo elev lokal", "local student number"),
    ("id lokal", "local id"),
    ("nimewo sekirite sosyal", "social security number"),
    ("lisans chofè", "driver license"),
    ("pèmi kondwi", "driver license"),
    ("nimewo kont", "account number"),
    ("nimewo kat", "card number"),
    ("nimewo lisans", "license number"),
    ("nimewo lisans oswa id massachusetts", "license or massachusetts id number"),
    ("número de licencia de conducir", "driver license number"),
    ("número da carteira de motorista", "driver license number"),
    ("telefòn paran", "parent phone"),
    ("telefòn", "phone"),
    # a letter's table of the child's record: "Elèv | Wideline Jean-Baptiste"
    ("elèv", "student"),
    ("elev", "student"),
    ("adrès", "address"),
    ("alèji", "allergies"),
    ("medikaman", "medications"),
)
_ENGLISH = dict(LABELS)
_PLURAL = r"(?:\((?:s|a|as|es|os)\))?"


def _alternation() -> str:
    # longest first, so that "nombre del estudiante" is read before "nombre"
    phrases = sorted(_ENGLISH, key=len, reverse=True)
    return "|".join(re.escape(phrase) + _PLURAL for phrase in phrases)


# A label where a form puts one: at a line's start, after a gap of spaces or a tab, a
# table's bar, another field or an opening bracket ("(data de nascimento 13/09/2008)");
# then perhaps a bracketed note ("(mes/día/año)"), then its colon, its number or the
# capitalised name a printed form sets after it ("Non ak siyati elèv la Guerline ..."), or
# the slash before a second label that shares its value ("Nome do(s) aluno(s) / Nº do
# aluno: ...").
# ("ID lokal 2409163": a number may follow its label with no colon.)
_TEXT_LABEL = re.compile(
    rf"(?im)(?:^|(?<=\t)|(?<=  )|(?<=\| )|(?<=/ )|(?<=: )|(?<=\())[ \t]{{0,8}}\b({_alternation()})"
    # (each run of spaces bounded: a label then a run without end is read in linear time)
    r"(?=[ \t]{0,60}(?:\([^()\n]{0,40}\)[ \t]{0,8})?"
    r"(?:[:#]|[ \t]\d|[ \t]{1,60}[A-ZÀ-Ý]|[ \t]{0,3}/[ \t]))"
)
# What a form in Spanish, Portuguese, French or Haitian Creole has: an accented letter
# (never in ASCII text), or a word of its labels
_FOREIGN_LETTER = re.compile(r"(?i)[áéíóúãõçñèòàêôº]")
_FOREIGN_WORD = prefiltered(
    re.compile(
        r"(?i)\b(?:non|nome|prenon|apellidos?|nombres?|titular|conta|cuenta|"
        r"nimewo|nesans|fanmi|lokal|kont|sobrenome|telefone|seguro|carteira|licencia)\b"
    )
)


def _english(match: re.Match[str]) -> str:
    label = match.group(match.lastindex or 0).lower()
    for phrase, english in LABELS:
        if label == phrase or (label.startswith(phrase) and label[len(phrase)] == "("):
            return english
    return label


def english_labels(text: str) -> str:
    """`text` with each foreign form label in English; the same text where it has none."""
    if (text.isascii() or _FOREIGN_LETTER.search(text) is None) and (
        _FOREIGN_WORD.search(text) is None
    ):
        return text  # most texts: no copy
    return _TEXT_LABEL.sub(_english, text)


def english_header(normalized: str) -> str:
    """A normalized (lower-case) column header or form label in English, where the whole
    of it is a foreign label: "fecha de nacimiento" -> "date of birth" (its bracketed
    note is read apart, see `columns.column_entity`); not words of one ("Non Resident
    Tuition" is English)."""
    return _ENGLISH.get(normalized, normalized)
