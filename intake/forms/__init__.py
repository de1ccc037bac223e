"""Flask-WTF forms. Questionnaire forms are built from definitions, not written per question."""
