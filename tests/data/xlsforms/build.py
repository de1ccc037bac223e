"""Build the XLSForm test corpus: one workbook per XLSForm feature, plus realistic forms.

Every workbook is written here, by this script, in the shapes ODK, KoboToolbox and pyxform's
own examples use (no groups, nested groups, metadata rows, bind:: columns, several
languages). `python tests/data/xlsforms/build.py` rewrites the .xlsx files beside it;
bench/xlsform_bench.py reads them. The expected outcome of each is in EXPECTED.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
Rows = list[list[Any]]

YES_NO = [["yes_no", "yes", "Yes"], ["yes_no", "no", "No"]]
PLACES = [
    ["places", "police", "Police"],
    ["places", "court", "Court"],
    ["places", "shelter", "Shelter"],
]


def survey(*rows: list[Any], header: list[str] | None = None) -> Rows:
    return [header or ["type", "name", "label"], *rows]


def form(
    survey_rows: Rows, choices: Rows | None = None, settings: Rows | None = None
) -> dict[str, Rows]:
    sheets = {"survey": survey_rows}
    sheets["choices"] = [["list_name", "name", "label"], *(choices or YES_NO + PLACES)]
    if settings is not False:  # type: ignore[comparison-overlap]
        sheets["settings"] = settings or [["form_title", "form_id"], ["Test form", "test_form"]]
    return sheets


def one(row: list[Any], *more: list[Any], header: list[str] | None = None, **kw: Any):  # type: ignore[no-untyped-def]
    """A feature form: the feature's rows, then one plain question."""
    return form(survey(*(row, *more), ["text", "comments", "Anything else?"], header=header), **kw)


WITH = [
    "type",
    "name",
    "label",
    "hint",
    "required",
    "relevant",
    "constraint",
    "constraint_message",
    "required_message",
    "appearance",
    "parameters",
    "calculation",
    "choice_filter",
    "default",
    "media::image",
]


def w(**cells: Any) -> list[Any]:
    return [cells.get(column.replace("::", "_")) for column in WITH]


FEATURES: dict[str, dict[str, Rows]] = {
    "feature_text": one(["text", "name_given", "What should we call you?"]),
    "feature_string_alias": one(["string", "town", "Which town?"]),
    "feature_integer": one(["integer", "age", "Age"]),
    "feature_int_alias": one(["int", "children", "How many children?"]),
    "feature_decimal": one(["decimal", "weight", "Weight in kg"]),
    "feature_range": one(
        w(type="range", name="pain", label="Pain 0-10", parameters="start=0 end=10 step=1"),
        header=WITH,
    ),
    "feature_date": one(["date", "visit", "Date of visit"]),
    "feature_time": one(["time", "visit_time", "Time of visit"]),
    "feature_datetime": one(["dateTime", "visit_at", "Date and time"]),
    "feature_select_one": one(["select_one yes_no", "safe", "Do you feel safe?"]),
    "feature_select_one_from": one(["select one from yes_no", "safe", "Do you feel safe?"]),
    "feature_select_multiple": one(["select_multiple places", "where", "Where did you go?"]),
    "feature_select_all_that_apply": one(
        ["select all that apply from places", "where", "Where did you go?"]
    ),
    "feature_or_other": one(["select_one places or_other", "where", "Where did you go?"]),
    "feature_one_choice": one(
        ["select_one agree", "consent", "Consent"], choices=[["agree", "yes", "I agree"]]
    ),
    "feature_select_from_file": one(["select_one_from_file towns.csv", "town", "Town"]),
    "feature_rank": one(["rank places", "ranked", "Rank these"]),
    "feature_note": one(
        ["note", "welcome", "Welcome"],
        ["text", "q1", "First question"],
        ["note", "middle", "Halfway there"],
    ),
    "feature_note_relevant": one(
        w(type="select_one yes_no", name="hurt", label="Were you hurt?"),
        w(type="note", name="sorry", label="We are sorry.", relevant="${hurt} = 'yes'"),
        header=WITH,
    ),
    "feature_acknowledge": one(["acknowledge", "ok", "I have read this"]),
    "feature_trigger_alias": one(["trigger", "ok", "I have read this"]),
    "feature_calculate": one(
        w(type="integer", name="age", label="Age"),
        w(type="calculate", name="adult", calculation="${age} >= 18"),
        header=WITH,
    ),
    "feature_hidden": one(["hidden", "source", ""]),
    "feature_metadata": one(
        ["start", "start", ""],
        ["end", "end", ""],
        ["today", "today", ""],
        ["deviceid", "deviceid", ""],
        ["phonenumber", "phone", ""],
        ["username", "username", ""],
        ["audit", "audit", ""],
    ),
    "feature_geopoint": one(["geopoint", "where_now", "Location"]),
    "feature_geotrace": one(["geotrace", "route", "Route"]),
    "feature_image": one(["image", "photo", "Photo"]),
    "feature_audio": one(["audio", "voice", "Recording"]),
    "feature_video": one(["video", "clip", "Video"]),
    "feature_file": one(["file", "doc", "Document"]),
    "feature_signature": one(
        w(type="image", name="sig", label="Sign", appearance="signature"), header=WITH
    ),
    "feature_barcode": one(["barcode", "code", "Scan"]),
    "feature_group": one(
        ["begin group", "g1", "Part one"], ["text", "q1", "Q1"], ["end group", "", ""]
    ),
    "feature_group_no_label": one(
        ["begin group", "g1", ""], ["text", "q1", "Q1"], ["end group", "", ""]
    ),
    "feature_nested_groups": one(
        ["begin group", "outer", "Outer"],
        ["text", "q1", "Q1"],
        ["begin group", "inner", "Inner"],
        ["text", "q2", "Q2"],
        ["end group", "", ""],
        ["end group", "", ""],
    ),
    "feature_field_list": one(
        w(type="begin group", name="page", label="Page", appearance="field-list"),
        w(type="text", name="q1", label="Q1"),
        w(type="end group"),
        header=WITH,
    ),
    "feature_repeat": one(
        ["begin repeat", "child", "Child"], ["integer", "child_age", "Age"], ["end repeat", "", ""]
    ),
    "feature_relevant": one(
        w(type="select_one yes_no", name="helped", label="Helped?"),
        w(type="text", name="who", label="Who?", relevant="${helped} = 'yes'"),
        header=WITH,
    ),
    "feature_relevant_number": one(
        w(type="integer", name="age", label="Age"),
        w(type="text", name="school", label="School?", relevant="${age} < 18"),
        header=WITH,
    ),
    "feature_constraint_number": one(
        w(
            type="integer",
            name="age",
            label="Age",
            constraint=". >= 0 and . <= 120",
            constraint_message="0 to 120",
        ),
        header=WITH,
    ),
    "feature_constraint_one_sided": one(
        w(type="integer", name="visits", label="Visits", constraint=". >= 0"), header=WITH
    ),
    "feature_constraint_length": one(
        w(type="text", name="initials", label="Initials", constraint="string-length(.) <= 4"),
        header=WITH,
    ),
    "feature_constraint_regex": one(
        w(type="text", name="code", label="Code", constraint="regex(., '^[A-Z]{3}$')"), header=WITH
    ),
    "feature_constraint_regex_unsafe": one(
        w(type="text", name="code", label="Code", constraint="regex(., '^(a+)+$')"), header=WITH
    ),
    "feature_constraint_choice_count": one(
        w(
            type="select_multiple places",
            name="where",
            label="Where did you go? (at most two)",
            constraint="count-selected(.) >= 1 and count-selected(.) <= 2",
            constraint_message="Choose one or two places",
        ),
        header=WITH,
    ),
    "feature_constraint_date": one(
        w(
            type="date",
            name="visit",
            label="Date of visit",
            constraint=". >= date('2020-01-01') and . <= today()",
        ),
        w(type="date", name="next_visit", label="Next visit", constraint=". >= today()"),
        header=WITH,
    ),
    "feature_constraint_combined": one(
        w(
            type="text",
            name="postcode",
            label="Postcode",
            constraint="string-length(.) <= 8 and regex(., '^[A-Z0-9 ]+$')",
            constraint_message="Capital letters, digits and spaces, at most 8",
        ),
        header=WITH,
    ),
    "feature_required": one(
        w(type="text", name="why", label="Why?", required="yes", required_message="Please say why"),
        header=WITH,
    ),
    "feature_required_false": one(
        w(type="begin group", name="g", label="G", required="false"),
        w(type="note", name="n", label="Note", required="no"),
        w(type="text", name="q1", label="Q1"),
        w(type="end group"),
        header=WITH,
    ),
    "feature_default": one(w(type="integer", name="n", label="N", default="0"), header=WITH),
    "feature_choice_filter": one(
        w(type="select_one places", name="p", label="Place", choice_filter="name != 'court'"),
        header=WITH,
    ),
    "feature_media_column": one(
        w(type="text", name="q1", label="Q1", media_image="logo.png"), header=WITH
    ),
    "feature_external_choices": {
        **one(
            w(type="select_one region", name="region", label="Region"),
            w(
                type="select_one_external towns",
                name="town",
                label="Which town?",
                choice_filter="region = ${region}",
            ),
            header=WITH,
            choices=[["region", "east", "East"], ["region", "west", "West"]],
        ),
        "external_choices": [
            ["list_name", "name", "label", "region"],
            ["towns", "hilo", "Hilo", "east"],
            ["towns", "kona", "Kona", "west"],
        ],
    },
    "feature_calculate_used": one(
        w(type="integer", name="age", label="Age"),
        w(type="calculate", name="adult", calculation="if(${age} >= 18, 'adult', 'young')"),
        w(type="text", name="school", label="Which school?", relevant="${adult} = 'young'"),
        header=WITH,
    ),
    "feature_choice_filter_cascade": {
        **form(
            survey(
                w(type="select_one region", name="region", label="Region"),
                w(
                    type="select_one town",
                    name="town",
                    label="Town",
                    choice_filter="region = ${region}",
                ),
                header=WITH,
            )
        ),
        "choices": [
            ["list_name", "name", "label", "region"],
            ["region", "north", "North", None],
            ["region", "south", "South", None],
            ["town", "a", "Town A", "north"],
            ["town", "b", "Town B", "south"],
        ],
    },
    "feature_piping": one(
        ["text", "name_given", "Name"], ["text", "why", "Thank you ${name_given}. Why?"]
    ),
    "feature_capital_names": one(
        w(type="select_one yes_no", name="Helped.Before", label="Helped before?"),
        w(
            type="integer",
            name="HH-Size",
            label="Household size",
            relevant="${Helped.Before} = 'yes'",
        ),
        header=WITH,
    ),
    "feature_meta_group": one(
        ["begin group", "meta", "About"], ["text", "q1", "Q1"], ["end group", "", ""]
    ),
    "feature_bind_columns": one(
        ["select_one yes_no", "helped", "Helped?", ""],
        ["text", "who", "Who?", "${helped} = 'yes'"],
        header=["type", "name", "label", "bind::relevant"],
    ),
    "feature_extra_columns": one(
        ["text", "q1", "Q1", "reviewed by M."],
        header=["type", "name", "label", "notes_for_translator"],
    ),
    "feature_no_settings": {
        "survey": survey(["text", "q1", "Q1"]),
        "choices": [["list_name", "name", "label"], *YES_NO],
    },
    "feature_settings_aliases": one(
        ["text", "q1", "Q1"],
        settings=[["title", "id_string", "version"], ["Aliased", "aliased", "2024010101"]],
    ),
    "feature_likert": one(
        w(type="select_one agree5", name="listened", label="Listened?", appearance="likert"),
        header=WITH,
        choices=[["agree5", str(n), str(n)] for n in range(1, 6)],
    ),
    "feature_label_languages": {
        "survey": survey(
            ["text", "q1", "Name?", "¿Nombre?"],
            header=["type", "name", "label::English (en)", "label::Español (es)"],
        ),
        "choices": [
            ["list_name", "name", "label::English (en)", "label::Español (es)"],
            ["yes_no", "yes", "Yes", "Sí"],
            ["yes_no", "no", "No", "No"],
        ],
        "settings": [
            ["form_title", "form_id", "default_language"],
            ["Bilingual", "bilingual", "English (en)"],
        ],
    },
}


def realistic() -> dict[str, dict[str, Rows]]:
    """A dozen complete forms in the styles CCR teams meet: health, field survey, community
    survey, Kobo exports with their metadata; several in two languages."""
    kobo_head = [
        ["start", "start", ""],
        ["end", "end", ""],
        ["today", "today", ""],
        ["deviceid", "deviceid", ""],
    ]
    forms: dict[str, dict[str, Rows]] = {}
    forms["real_clinic_followup"] = form(
        survey(
            *kobo_head,
            ["note", "intro", "This follow-up asks about your visit."],
            ["select_one yes_no", "seen_by_nurse", "Were you seen by a nurse?"],
            ["integer", "wait_hours", "How many hours did you wait?"],
            ["select_multiple services", "services", "Which services did you use?"],
            ["text", "improve", "What should the clinic do better?"],
            ["geopoint", "gps", "Clinic location"],
        ),
        [
            *YES_NO,
            ["services", "counselling", "Counselling"],
            ["services", "medical", "Medical"],
            ["services", "legal", "Legal advice"],
        ],
    )
    forms["real_household_survey"] = form(
        survey(
            *kobo_head,
            ["begin group", "household", "Household"],
            ["integer", "hh_size", "How many people live here?"],
            ["select_one tenure", "tenure", "Do you rent or own?"],
            ["end group", "", ""],
            ["begin group", "safety", "Safety"],
            ["select_one yes_no", "safe_home", "Do you feel safe at home?"],
            ["select_multiple places", "sought_help", "Where have you sought help?"],
            ["end group", "", ""],
            ["begin group", "meta", ""],
            ["calculate", "instanceID", ""],
            ["end group", "", ""],
        ),
        YES_NO
        + PLACES
        + [["tenure", "rent", "Rent"], ["tenure", "own", "Own"], ["tenure", "other", "Other"]],
    )
    forms["real_community_listening"] = form(
        survey(
            w(type="begin group", name="about_you", label="About you", required="false"),
            w(type="select_one role", name="role", label="What is your role?"),
            w(type="text", name="role_other", label="Which role?", relevant="${role} = 'other'"),
            w(type="end group"),
            w(type="begin group", name="experience", label="Your experience"),
            w(type="note", name="exp_note", label="Answer only what you want to."),
            w(
                type="select_one agree5",
                name="heard",
                label="Did services listen?",
                appearance="likert",
            ),
            w(
                type="text",
                name="story",
                label="Tell us more",
                appearance="multiline",
                constraint="string-length(.) <= 2000",
            ),
            w(type="end group"),
            header=WITH,
        ),
        [
            ["role", "advocate", "Advocate"],
            ["role", "faith", "Faith leader"],
            ["role", "other", "Other"],
        ]
        + [["agree5", str(n), str(n)] for n in range(1, 6)],
        [["form_title", "form_id", "version"], ["Community listening", "community_listening", "3"]],
    )
    forms["real_flat_kobo_export"] = form(
        survey(
            *kobo_head,
            ["select_one yes_no", "consent", "Do you agree to take part?"],
            ["integer", "age", "How old are you?"],
            ["select_one gender", "gender", "Gender"],
            ["select_multiple needs", "needs", "What do you need most?"],
            ["text", "needs_other", "Other needs"],
            ["select_one yes_no", "children", "Do you have children?"],
            ["integer", "children_n", "How many?"],
            ["text", "comments", "Comments"],
        ),
        [
            *YES_NO,
            ["gender", "woman", "Woman"],
            ["gender", "man", "Man"],
            ["gender", "other", "Another identity"],
            ["needs", "housing", "Housing"],
            ["needs", "money", "Money"],
            ["needs", "legal", "Legal help"],
        ],
    )
    forms["real_bilingual_intake"] = {
        "survey": survey(
            ["begin group", "start_here", "Before we begin", "Antes de empezar", ""],
            ["note", "welcome", "Thank you for coming.", "Gracias por venir.", ""],
            [
                "select_one yes_no",
                "first_time",
                "Is this your first visit?",
                "¿Es su primera visita?",
                "",
            ],
            ["end group", "", "", "", ""],
            ["begin group", "help", "Help", "Ayuda", ""],
            [
                "select_multiple places",
                "where",
                "Where did you ask for help?",
                "¿Dónde pidió ayuda?",
                "",
            ],
            [
                "text",
                "what_happened",
                "What happened?",
                "¿Qué pasó?",
                "selected(${where}, 'police')",
            ],
            ["end group", "", "", "", ""],
            header=["type", "name", "label::English (en)", "label::Español (es)", "relevant"],
        ),
        "choices": [
            ["list_name", "name", "label::English (en)", "label::Español (es)"],
            ["yes_no", "yes", "Yes", "Sí"],
            ["yes_no", "no", "No", "No"],
            ["places", "police", "Police", "Policía"],
            ["places", "court", "Court", "Tribunal"],
            ["places", "shelter", "Shelter", "Refugio"],
        ],
        "settings": [
            [
                "form_id",
                "label::English (en)",
                "label::Español (es)",
                "description::English (en)",
                "description::Español (es)",
                "audience",
            ],
            [
                "bilingual_intake",
                "Intake",
                "Admisión",
                "A short intake.",
                "Una admisión corta.",
                "survivor",
            ],
        ],
    }
    forms["real_health_worker_visit"] = form(
        survey(
            w(type="start", name="start"),
            w(type="end", name="end"),
            w(type="begin group", name="visit", label="Visit"),
            w(type="date", name="visit_date", label="Date of visit"),
            w(
                type="integer",
                name="patient_age",
                label="Patient age",
                constraint=". >= 0 and . <= 110",
                constraint_message="Age must be 0-110",
            ),
            w(
                type="select_one yes_no",
                name="referred",
                label="Referred to a service?",
                required="yes",
                required_message="Required",
            ),
            w(
                type="select_multiple places",
                name="referred_to",
                label="Referred to",
                relevant="${referred} = 'yes'",
            ),
            w(type="image", name="form_photo", label="Photo of the paper form"),
            w(type="end group"),
            header=WITH,
        )
    )
    forms["real_field_survey_nested"] = form(
        survey(
            ["begin group", "section_a", "Section A"],
            ["begin group", "a1", "A1: Housing"],
            ["select_one yes_no", "stable_housing", "Stable housing?"],
            ["end group", "", ""],
            ["begin group", "a2", "A2: Income"],
            ["select_one yes_no", "own_income", "Own income?"],
            ["end group", "", ""],
            ["end group", "", ""],
            ["begin group", "section_b", "Section B"],
            ["text", "barriers", "What made it hard to get help?"],
            ["end group", "", ""],
        )
    )
    forms["real_consent_and_survey"] = form(
        survey(
            ["note", "info", "This survey is anonymous."],
            ["acknowledge", "read_info", "I have read the information"],
            ["select_one agree", "consent", "I agree to take part"],
            ["select_one yes_no", "helped", "Did anyone help you?"],
            ["text", "helper", "Who helped?"],
        ),
        [*YES_NO, ["agree", "yes", "I agree"]],
    )
    forms["real_court_watch"] = form(
        survey(
            *kobo_head,
            w(type="begin group", name="hearing", label="The hearing"),
            w(type="date", name="hearing_date", label="Date"),
            w(type="select_one court_type", name="court", label="Court"),
            w(type="integer", name="minutes", label="Length in minutes", constraint=". > 0"),
            w(type="select_one yes_no", name="interpreter", label="Interpreter present?"),
            w(type="text", name="observations", label="Observations", appearance="multiline"),
            w(type="end group"),
            header=WITH,
        ),
        [*YES_NO, ["court_type", "family", "Family"], ["court_type", "criminal", "Criminal"]],
    )
    forms["real_shelter_exit"] = form(
        survey(
            w(type="select_one yes_no", name="felt_safe", label="Did you feel safe here?"),
            w(type="select_one yes_no", name="staff_kind", label="Were staff kind?"),
            w(type="select_multiple places", name="next", label="Where next?"),
            w(type="text", name="next_other", label="Other", relevant="selected(${next}, 'court')"),
            w(type="calculate", name="n_next", calculation="count-selected(${next})"),
            w(type="text", name="advice", label="Advice for others"),
            header=WITH,
        )
    )
    forms["real_advocate_log"] = form(
        survey(
            w(type="today", name="today"),
            w(type="username", name="user"),
            w(type="begin group", name="contact", label="Contact"),
            w(type="select_one channel", name="channel", label="How did they reach you?"),
            w(type="integer", name="contacts", label="Contacts this week", constraint=". <= 100"),
            w(type="text", name="need", label="Main need"),
            w(type="end group"),
            header=WITH,
        ),
        [
            ["channel", "phone", "Phone"],
            ["channel", "walk_in", "Walk-in"],
            ["channel", "text", "Text message"],
        ],
        [["form_title", "form_id", "audience"], ["Advocate log", "advocate_log", "advocate"]],
    )
    # Piping, a calculation and a choice filter, in two languages: a referral form that
    # offers only the services of the county she lives in.
    referral_header = [
        "type", "name", "label::English (en)", "label::Español (es)", "relevant",
        "calculation", "choice_filter",
    ]  # fmt: skip
    forms["real_referral_cascade"] = {
        "survey": survey(
            ["begin group", "about", "About you", "Sobre usted", "", "", ""],
            ["text", "call_me", "What may we call you?", "¿Cómo le llamamos?", "", "", ""],
            ["select_one county", "county", "Which county?", "¿Qué condado?", "", "", ""],
            ["select_multiple needs", "needs", "What do you need?", "¿Qué necesita?", "", "", ""],
            ["end group", "", "", "", "", "", ""],
            ["calculate", "n_needs", "", "", "", "count-selected(${needs})", ""],
            ["begin group", "services", "Services", "Servicios", "", "", ""],
            ["select_one service", "service",
             "${call_me}, which service in ${county} would you like?",
             "${call_me}, ¿qué servicio de ${county} prefiere?", "", "", "county = ${county}"],
            ["text", "more", "You chose ${n_needs} needs. Anything else?",
             "Eligió ${n_needs} necesidades. ¿Algo más?", "${n_needs} >= 2", "", ""],
            ["end group", "", "", "", "", "", ""],
            header=referral_header,
        ),
        "choices": [
            ["list_name", "name", "label::English (en)", "label::Español (es)", "county"],
            ["county", "north", "North county", "Condado norte", ""],
            ["county", "south", "South county", "Condado sur", ""],
            ["needs", "housing", "Housing", "Vivienda", ""],
            ["needs", "legal", "Legal help", "Ayuda legal", ""],
            ["needs", "money", "Money", "Dinero", ""],
            ["service", "north_shelter", "North shelter", "Refugio norte", "north"],
            ["service", "north_legal", "North legal aid", "Ayuda legal norte", "north"],
            ["service", "south_shelter", "South shelter", "Refugio sur", "south"],
        ],
        "settings": [
            ["form_id", "audience", "label::English (en)", "label::Español (es)",
             "description::English (en)", "description::Español (es)"],
            ["referral_cascade", "survivor", "Referral", "Derivación", "Where to go next.",
             "Adónde ir después."],
        ],
    }  # fmt: skip
    forms["real_youth_survey_repeat"] = form(
        survey(
            ["integer", "siblings", "How many siblings?"],
            ["begin repeat", "sibling", "Sibling"],
            ["integer", "sibling_age", "Age"],
            ["end repeat", "", ""],
            ["text", "support", "Who supports you?"],
        )
    )
    return forms


def write(name: str, sheets: dict[str, Rows], directory: Path = HERE) -> Path:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for line in rows:
            sheet.append(line)
    path = directory / f"{name}.xlsx"
    book.save(path)
    return path


def main() -> int:
    for old in HERE.glob("*.xlsx"):
        old.unlink()
    corpus = {**FEATURES, **realistic()}
    for name, sheets in corpus.items():
        write(name, sheets)
    print(f"wrote {len(corpus)} workbooks to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
