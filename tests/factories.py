import factory

from catalogue.models import (
    Language,
    PartnerOrganisation,
    Practice,
    PracticeLink,
    ServicePoint,
    Status,
    TargetGroup,
    Theme,
)
from catalogue.search.index import index_practice
from municipalities.models import CooperationArea, Municipality, Region


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["code"]

    code = "01"
    name_fi = "Uusimaa"
    name_sv = "Nyland"
    name_en = "Uusimaa"


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    code = factory.Sequence(lambda n: f"{n % 1000:03d}")
    name_fi = factory.Sequence(lambda n: f"Kunta {n}")
    name_sv = factory.Sequence(lambda n: f"Kommun {n}")
    name_en = factory.Sequence(lambda n: f"Municipality {n}")
    slug_fi = factory.Sequence(lambda n: f"kunta-{n}")
    slug_sv = factory.Sequence(lambda n: f"kommun-{n}")
    slug_en = factory.Sequence(lambda n: f"municipality-{n}")
    region = factory.SubFactory(RegionFactory)


class CooperationAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationArea

    slug = factory.Sequence(lambda n: f"area-{n}")
    name_fi = factory.Sequence(lambda n: f"Alue {n}")
    name_sv = factory.Sequence(lambda n: f"Område {n}")
    name_en = factory.Sequence(lambda n: f"Area {n}")


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroup

    slug = factory.Sequence(lambda n: f"group-{n}")
    name_fi = factory.Sequence(lambda n: f"Ryhmä {n}")
    name_sv = factory.Sequence(lambda n: f"Grupp {n}")
    name_en = factory.Sequence(lambda n: f"Group {n}")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name_fi = factory.Sequence(lambda n: f"Teema {n}")
    name_sv = factory.Sequence(lambda n: f"Tema {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation

    slug = factory.Sequence(lambda n: f"partner-{n}")
    name_fi = factory.Sequence(lambda n: f"Järjestö {n} ry")
    name_sv = factory.Sequence(lambda n: f"Förening {n} rf")
    name_en = factory.Sequence(lambda n: f"Association {n}")


class LanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Language
        django_get_or_create = ["code"]

    code = "ar"
    autonym = "العربية"
    name_fi = "arabia"
    name_sv = "arabiska"
    name_en = "Arabic"


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practice
        skip_postgeneration_save = True

    title_fi = factory.Sequence(lambda n: f"Neuvontapiste {n}")
    title_sv = factory.Sequence(lambda n: f"Rådgivningspunkt {n}")
    title_en = factory.Sequence(lambda n: f"Advice point {n}")
    slug_fi = factory.Sequence(lambda n: f"neuvontapiste-{n}")
    slug_sv = factory.Sequence(lambda n: f"radgivningspunkt-{n}")
    slug_en = factory.Sequence(lambda n: f"advice-point-{n}")
    summary_fi = "Neuvontaa maahanmuuttajille."
    summary_sv = "Rådgivning för invandrare."
    summary_en = "Advice for immigrants."
    description_fi = "Neuvontapiste palvelee kaikkia.\n\nPalvelu on maksutonta."
    description_sv = "Rådgivningspunkten betjänar alla.\n\nTjänsten är avgiftsfri."
    description_en = "The advice point serves everyone.\n\nThe service is free of charge."
    original_language = "fi"
    source_page = 5
    # Most tests look at what the public sees; drafts are made explicitly.
    status = Status.PUBLISHED
    lead_municipality = factory.SubFactory(MunicipalityFactory)

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if not create:
            return
        members = list(extracted or [])
        if self.lead_municipality and self.lead_municipality not in members:
            members.insert(0, self.lead_municipality)
        self.municipalities.set(members)

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_groups.set(extracted)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def service_languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.service_languages.set(extracted)

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create and extracted:
            self.partners.set(extracted)

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)

    @factory.post_generation
    def search_index(self, create, extracted, **kwargs):
        # Last, once the links are set: what every write path of the site does.
        if create:
            index_practice(self)


class ReachablePracticeFactory(PracticeFactory):
    """A practice an editor has given every detail of how to take part."""

    organiser_partner = factory.SubFactory(PartnerFactory)
    email = "neuvonta@example.fi"
    phone = "+358931012345"
    how_to_take_part_fi = "Tule paikalle, ajanvarausta ei tarvita."
    how_to_take_part_sv = "Kom på plats, ingen tidsbokning behövs."
    how_to_take_part_en = "Just come, no appointment needed."
    opening_times_fi = "ma–pe 9–15"
    opening_times_sv = "mån–fre 9–15"
    opening_times_en = "Mon–Fri 9–15"
    cost = "free"
    cost_details_fi = "Kaikille maksuton."
    cost_details_sv = "Avgiftsfri för alla."
    cost_details_en = "Free for everyone."
    place_accessibility_fi = "Esteetön sisäänkäynti Kalevankadulta."
    place_accessibility_sv = "Trappfri entré från Kalevagatan."
    place_accessibility_en = "Step-free entrance from Kalevankatu."

    @factory.post_generation
    def contact_places(self, create, extracted, **kwargs):
        if not create:
            return
        PracticeLink.objects.create(
            practice=self,
            title_fi="Neuvontapisteen sivu",
            title_sv="Rådgivningspunktens sida",
            title_en="The advice point's page",
            url_fi="https://www.example.fi/neuvonta",
            url_sv="https://www.example.fi/sv/radgivning",
            url_en="https://www.example.fi/en/advice",
        )
        ServicePoint.objects.create(
            practice=self,
            name_fi="Neuvontapiste Kamppi",
            name_sv="Rådgivningspunkten Kampen",
            name_en="Advice point Kamppi",
            street_address_fi="Kalevankatu 1",
            street_address_sv="Kalevagatan 1",
            street_address_en="Kalevankatu 1",
            postcode="00100",
            town_fi="Helsinki",
            town_sv="Helsingfors",
            town_en="Helsinki",
        )
