"""The partners' notes of what changed since 2017, for catalogues loaded before the field.

A deployment loads the fixtures only into an empty database (`load_catalogue
--only-if-empty`), so an existing catalogue gets the notes here. A note is written only
where the field is still empty in that language: what the editors wrote stays. The texts
are those of fixtures/catalogue/partners.yaml (a test keeps them equal).
"""

from django.db import migrations

TE_OFFICE = {
    "fi": (
        "TE-toimistot lakkautettiin 1.1.2025. Julkiset työvoimapalvelut järjestää nyt kunta "
        "tai kuntien yhteinen työllisyysalue: kysy oman kuntasi työllisyyspalveluista."
    ),
    "sv": (
        "TE-byråerna lades ned den 1 januari 2025. Den offentliga arbetskraftsservicen ordnas "
        "nu av kommunen eller av kommunernas gemensamma sysselsättningsområde: fråga din "
        "kommuns sysselsättningstjänster."
    ),
    "en": (
        "The TE Offices were closed on 1 January 2025. Public employment services are now "
        "provided by the municipality or by an employment area that several municipalities "
        "share: ask your municipality's employment services."
    ),
}
NOTES = {
    "te-toimisto": TE_OFFICE,
    "uudenmaan-te-toimisto": TE_OFFICE,
    "raha-automaattiyhdistys": {
        "fi": (
            "Raha-automaattiyhdistys yhdistyi Veikkaukseen 1.1.2017. Sosiaali- ja terveysalan "
            "järjestöjen avustuksia myöntää nyt Sosiaali- ja terveysjärjestöjen avustuskeskus "
            "STEA."
        ),
        "sv": (
            "Penningautomatföreningen slogs samman med Veikkaus den 1 januari 2017. Understöd "
            "till social- och hälsoorganisationer beviljas nu av Social- och "
            "hälsoorganisationernas understödscentral STEA."
        ),
        "en": (
            "RAY merged into Veikkaus on 1 January 2017. Grants to social and health "
            "organisations are now awarded by the Funding Centre for Social Welfare and Health "
            "Organisations (STEA)."
        ),
    },
}


def forwards(apps, schema_editor):
    partners = apps.get_model("catalogue", "PartnerOrganisation")
    for slug, texts in NOTES.items():
        partner = partners.objects.filter(slug=slug).first()
        if partner is None:
            continue
        changed = []
        for language, text in texts.items():
            field = f"changes_since_source_{language}"
            if not getattr(partner, field):
                setattr(partner, field, text)
                changed.append(field)
        if "changes_since_source_fi" in changed:  # the untranslated column follows Finnish
            partner.changes_since_source = texts["fi"]
            changed.append("changes_since_source")
        if changed:
            partner.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0016_search_document_vectors_inline"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
