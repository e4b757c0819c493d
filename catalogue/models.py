import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from common.i18n import language_codes, slug_constraints
from municipalities.models import CooperationArea, Municipality

# The largest primary key the database can hold (a signed 64-bit integer).
MAX_ID = 2**63 - 1


def new_preview_nonce() -> str:
    return secrets.token_urlsafe(12)


def lock_version_field():
    """The version number that the admin's change forms post back, so no edit is lost."""
    return models.PositiveIntegerField(
        _("version"),
        default=0,
        editable=False,
        help_text=_("Counts the saves; a form made from an older version cannot overwrite."),
    )


class TaxonomyTerm(models.Model):
    """A term residents filter by: a slug plus a name and a short description per language."""

    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=150)
    description = models.CharField(_("description"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order in lists; smaller comes first.")
    )
    lock_version = lock_version_field()

    class Meta:
        abstract = True
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name


class TargetGroup(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Theme(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class PartnerOrganisation(models.Model):
    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    changes_since_source = models.TextField(
        _("changes since the source"),
        blank=True,
        help_text=_(
            "Shown to residents on every practice that names this organisation, for example "
            "that it has closed or been merged since the 2017 publication and who now does "
            "its work."
        ),
    )

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["slug"]

    def __str__(self):
        return self.name


class Language(models.Model):
    """A language a service is given in (not a language the site is translated to)."""

    code = models.CharField(
        _("code"),
        max_length=3,
        unique=True,
        help_text=_("ISO 639-1 code; ISO 639-3 where the language has none (prs for Dari)."),
    )
    name = models.CharField(_("name"), max_length=100)
    autonym = models.CharField(
        _("autonym"),
        max_length=100,
        help_text=_("The language's name in the language itself, so that its speakers find it."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("service language")
        verbose_name_plural = _("service languages")
        ordering = ["position", "code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[a-z]{2,3}$"), name="language_code_iso_639"
            ),
        ]

    def __str__(self):
        return self.name


class OriginalLanguage(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    IN_REVIEW = "in_review", _("in review")
    PUBLISHED = "published", _("published")
    ARCHIVED = "archived", _("archived")


class CheckStatus(models.TextChoices):
    """Whether a practice still runs, as of its last check."""

    UNCHECKED = "unchecked", _("described in 2017, not checked since")
    RUNNING = "running", _("running")
    ENDED = "ended", _("ended")
    UNKNOWN = "unknown", _("unknown")


class PracticeKind(models.TextChoices):
    """Whether residents can take part, or the practice is how authorities work together."""

    SERVICE = "service", _("service residents can take part in")
    ARRANGEMENT = "arrangement", _("arrangement between authorities")


class Cost(models.TextChoices):
    FREE = "free", _("free of charge")
    PAID = "paid", _("subject to a charge")
    VARIES = "varies", _("the cost varies")


# A check older than this no longer counts as recent (the list's "checked" filter).
RECENT_CHECK_DAYS = 730


class PracticeQuerySet(models.QuerySet):
    def published(self):
        """What the public sees: every public page, the API, feeds, exports and search."""
        return self.filter(status=Status.PUBLISHED)

    def search(self, q: str, language: str, *, exact: bool = False):
        """The practices of this QuerySet that match the search `q`, best first.

        `language` is the page's: practices found in it come first, then those found only
        in the other two languages, then partial matches (catalogue.search.find), at most
        catalogue.search.MATCH_CAP of them. Unless `exact`, words that match nothing are
        corrected first.
        """
        from catalogue.search import find

        return find(q, language, exact=exact).apply(self)

    def review_overdue(self, today=None):
        return self.filter(next_review_due__lt=today or timezone.localdate())

    def translations_outdated(self):
        return self.filter(
            models.Q(outdated_fi=True) | models.Q(outdated_sv=True) | models.Q(outdated_en=True)
        )

    def translations_missing(self):
        missing = models.Q()
        for code in ("fi", "sv", "en"):
            for field in ("title", "summary", "description"):
                missing |= models.Q(**{f"{field}_{code}": ""}) | models.Q(
                    **{f"{field}_{code}__isnull": True}
                )
            missing |= models.Q(**{f"slug_{code}__isnull": True})
        return self.filter(missing)

    def checked_since(self, day):
        """Practices an editor has checked on or after `day` (the loader never sets a check)."""
        return self.filter(last_checked__gte=day)

    def checked_recently(self, today=None):
        today = today or timezone.localdate()
        return self.checked_since(today - timezone.timedelta(days=RECENT_CHECK_DAYS))

    def services(self):
        """Practices residents can take part in (not arrangements between authorities)."""
        return self.filter(kind=PracticeKind.SERVICE)

    def national(self):
        """Practices no single municipality runs, such as Infopankki, a website for all."""
        return self.filter(lead_municipality__isnull=True)

    def with_organisers(self):
        """The practice's row with who organises it (catalogue.related reads the rest)."""
        return self.select_related(
            "lead_municipality", "organiser_municipality", "organiser_partner"
        )

    def with_related(self):
        """Everything a practice page, list item or API record shows, in a fixed query count."""
        return self.with_organisers().prefetch_related(
            Prefetch("municipalities", queryset=Municipality.objects.order_by("name")),
            "areas",
            "target_groups",
            "themes",
            "service_languages",
            "partners",
            "links",
            "service_points",
        )

    def for_list(self):
        """What a card shows: where, for whom, in which languages.

        As plain lists (listed_municipalities, listed_target_groups, listed_languages): a
        related manager is made anew on every `practice.themes` and costs more than the
        rows, twenty cards a page, three relations each.
        """
        return self.select_related("lead_municipality").prefetch_related(
            Prefetch(
                "municipalities",
                queryset=Municipality.objects.order_by("name"),
                to_attr="listed_municipalities",
            ),
            Prefetch("target_groups", to_attr="listed_target_groups"),
            Prefetch("service_languages", to_attr="listed_languages"),
        )


class Practice(models.Model):
    title = models.CharField(_("title"), max_length=200)
    # NULL, not '', marks a missing slug so that the per-language unique constraints hold.
    slug = models.SlugField(  # noqa: DJ001
        _("slug"),
        max_length=100,
        null=True,
        blank=True,
        help_text=_("The last part of the page address in this language."),
    )
    summary = models.TextField(_("summary"), help_text=_("One or two sentences."))
    description = models.TextField(_("description"), help_text=_("The full text."))
    original_language = models.CharField(
        _("original language"),
        max_length=2,
        choices=OriginalLanguage.choices,
        default=OriginalLanguage.FINNISH,
        help_text=_("The language the source text was written in."),
    )
    lead_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("lead municipality"),
        on_delete=models.PROTECT,
        related_name="led_practices",
        null=True,
        blank=True,
        help_text=_("Empty for national or general practices."),
    )
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("municipalities"),
        related_name="practices",
        blank=True,
        help_text=_("Every municipality that runs or takes part in the practice, the lead too."),
    )
    areas = models.ManyToManyField(
        CooperationArea,
        verbose_name=_("cooperation areas"),
        related_name="practices",
        blank=True,
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), related_name="practices", blank=True
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), related_name="practices", blank=True
    )
    service_languages = models.ManyToManyField(
        Language,
        verbose_name=_("service languages"),
        related_name="practices",
        blank=True,
        help_text=_("Only languages the service is actually given in."),
    )
    partners = models.ManyToManyField(
        PartnerOrganisation,
        verbose_name=_("partner organisations"),
        related_name="practices",
        blank=True,
    )
    kind = models.CharField(
        _("kind"),
        max_length=12,
        choices=PracticeKind.choices,
        default=PracticeKind.SERVICE,
        help_text=_(
            "Councils, agreements and programmes are arrangements between authorities: "
            "residents cannot sign up for them."
        ),
    )
    # How to take part: all optional, none of it is in the 2017 publication.
    organiser_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("organised by (municipality)"),
        on_delete=models.PROTECT,
        related_name="organised_practices",
        null=True,
        blank=True,
        help_text=_("Leave empty when an organisation organises it."),
    )
    organiser_partner = models.ForeignKey(
        PartnerOrganisation,
        verbose_name=_("organised by (organisation)"),
        on_delete=models.PROTECT,
        related_name="organised_practices",
        null=True,
        blank=True,
        help_text=_("Leave empty when a municipality organises it."),
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = PhoneNumberField(
        _("phone number"),
        blank=True,
        help_text=_("A Finnish number as it is dialled (09 310 12345) or with +358."),
    )
    opening_times = models.TextField(_("opening times"), blank=True)
    cost = models.CharField(_("cost"), max_length=8, choices=Cost.choices, blank=True)
    cost_details = models.CharField(
        _("about the cost"),
        max_length=300,
        blank=True,
        help_text=_("For example: the price, or who pays nothing."),
    )
    how_to_take_part = models.TextField(
        _("how to take part"),
        blank=True,
        help_text=_("Whether to sign up, book a time or just come, and who can take part."),
    )
    place_accessibility = models.TextField(
        _("accessibility of the place"),
        blank=True,
        help_text=_("Step-free access, lifts, accessible toilets, induction loop and the like."),
    )
    source_page = models.PositiveSmallIntegerField(
        _("source page"),
        null=True,
        blank=True,
        help_text=_("The page of the 2017 Kuntaliitto publication the practice comes from."),
    )
    status = models.CharField(
        _("state"),
        max_length=12,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Only published practices are shown to the public."),
    )
    check_status = models.CharField(
        _("still running?"),
        max_length=12,
        choices=CheckStatus.choices,
        default=CheckStatus.UNKNOWN,
        help_text=_("Whether the practice still runs, as of the last check."),
    )
    last_checked = models.DateField(_("last checked"), null=True, blank=True)
    next_review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        help_text=_("When an editor should next check that the description is still true."),
    )
    outdated_fi = models.BooleanField(
        _("Finnish text may be out of date"),
        default=False,
        help_text=_("Set when the original text changes; clear it once the text is checked."),
    )
    outdated_sv = models.BooleanField(_("Swedish text may be out of date"), default=False)
    outdated_en = models.BooleanField(_("English text may be out of date"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    first_published_at = models.DateTimeField(
        _("first published"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the practice was first made public; feeds give it as its publication."),
    )
    lock_version = lock_version_field()
    preview_nonce = models.CharField(
        _("preview key"),
        max_length=32,
        default=new_preview_nonce,
        editable=False,
        help_text=_("Part of every preview link; a new key withdraws the links given so far."),
    )

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        ordering = ["title_fi", "id"]
        permissions = [("publish_practice", _("Can publish, archive and restore practices"))]
        # Public lists show published practices by title in the page's language; the same
        # indexes count them without reading the table.
        indexes = [
            models.Index(fields=["status", "title_fi", "id"], name="practice_public_title_fi"),
            models.Index(fields=["status", "title_sv", "id"], name="practice_public_title_sv"),
            models.Index(fields=["status", "title_en", "id"], name="practice_public_title_en"),
            # Incremental sync, feeds and cache versions read the latest change.
            models.Index(fields=["updated_at"], name="practice_updated_at"),
        ]
        constraints = [
            *slug_constraints("practice"),
            models.CheckConstraint(
                condition=models.Q(original_language__in=OriginalLanguage.values),
                name="practice_original_language_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="practice_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(check_status__in=CheckStatus.values),
                name="practice_check_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=PracticeKind.values), name="practice_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(cost__in=[*Cost.values, ""]), name="practice_cost_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(organiser_municipality__isnull=True)
                | models.Q(organiser_partner__isnull=True),
                name="practice_one_organiser",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self, language: str | None = None) -> str | None:
        language = language or translation.get_language()
        slug = getattr(self, f"slug_{language}", None)
        if not slug:
            return None
        with translation.override(language):
            return reverse("catalogue:practice_detail", kwargs={"slug": slug})

    def get_public_url(self, language: str | None = None) -> str | None:
        """The page in this language, else the permalink, which finds the page in another.

        None when the practice has no page in any language.
        """
        url = self.get_absolute_url(language)
        if url:
            return url
        if any(getattr(self, f"slug_{code}") for code in language_codes()):
            return reverse("practice_permalink", kwargs={"pk": self.pk})
        return None

    def ordered_municipalities(self) -> list[Municipality]:
        """The municipalities with the lead first (uses the prefetched set when there is one)."""
        municipalities = getattr(self, "listed_municipalities", None)  # for_list()
        if municipalities is None:
            municipalities = self.municipalities.all()
        others = [m for m in municipalities if m.pk != self.lead_municipality_id]
        return [self.lead_municipality, *others] if self.lead_municipality else others

    @property
    def organiser(self):
        """Who organises the practice: the named organiser, else the lead municipality."""
        return self.organiser_partner or self.organiser_municipality or self.lead_municipality

    def has_contact_details(self) -> bool:
        """Whether an editor has entered anything about how to take part."""
        return bool(
            self.organiser_partner_id
            or self.organiser_municipality_id
            or self.email
            or self.phone
            or self.opening_times
            or self.cost
            or self.how_to_take_part
            or self.place_accessibility
            or self.links.all()
            or self.service_points.all()
        )

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED

    def note_first_publication(self) -> None:
        """Remember when a practice first became public (the caller saves)."""
        if self.status == Status.PUBLISHED and self.first_published_at is None:
            self.first_published_at = timezone.now()

    @property
    def published_at(self):
        """First publication; practices loaded as published count from their creation."""
        return self.first_published_at or self.created_at

    def is_outdated_in(self, language: str) -> bool:
        return bool(getattr(self, f"outdated_{language}", False))

    def is_translated_into(self, language: str) -> bool:
        return all(
            getattr(self, f"{field}_{language}") for field in ("title", "summary", "description")
        )

    @property
    def source(self) -> dict:
        return {**settings.CATALOGUE_SOURCE, "page": self.source_page}


class PracticeLink(models.Model):
    """A web page about a practice, with a title and an address per language."""

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="links"
    )
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(
        _("address"),
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("An address per language where the page has one; else the Finnish one."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("web link")
        verbose_name_plural = _("web links")
        ordering = ["position", "id"]
        # Only web pages: never a javascript: or data: address, whatever writes the row.
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"url_{code}__regex": r"^https?://"})
                | models.Q(**{f"url_{code}__isnull": True})
                | models.Q(**{f"url_{code}": ""}),
                name=f"practice_link_http_{code}",
            )
            for code in ("fi", "sv", "en")
        ]

    def __str__(self):
        return self.title


class ServicePoint(models.Model):
    """A place where residents can go to take part in a practice."""

    practice = models.ForeignKey(
        Practice,
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="service_points",
    )
    name = models.CharField(_("name"), max_length=200)
    street_address = models.CharField(_("street address"), max_length=200)
    postcode = models.CharField(
        _("postcode"),
        max_length=5,
        validators=[RegexValidator(r"^[0-9]{5}$", _("A Finnish postcode has five digits."))],
    )
    town = models.CharField(_("town"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("service point")
        verbose_name_plural = _("service points")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(postcode__regex=r"^[0-9]{5}$"), name="service_point_postcode"
            ),
        ]

    def __str__(self):
        return self.name


class Page(models.Model):
    """An editable text page of the site, such as About."""

    key = models.SlugField(_("identifier"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    lock_version = lock_version_field()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["key"]

    def __str__(self):
        return self.title


class SlugRedirect(models.Model):
    """A slug a page used to have, so that its old address keeps working (301).

    Recorded for practices and municipalities whenever an editor or the loader changes a
    slug (common.slugs.slug_changes_record).
    """

    content_type = models.ForeignKey(ContentType, verbose_name=_("type"), on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(_("object id"))
    target = GenericForeignKey("content_type", "object_id")
    language = models.CharField(_("language"), max_length=2)
    slug = models.SlugField(_("old slug"), max_length=100, db_index=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "language", "slug"], name="slug_redirect_unique"
            ),
        ]

    def __str__(self):
        return f"{self.language}/{self.slug}"


class FeedbackState(models.TextChoices):
    NEW = "new", _("new")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    REJECTED = "rejected", _("rejected")


class FeedbackQuerySet(models.QuerySet):
    def open(self):
        """Reports that still need someone: new or being worked on."""
        return self.filter(state__in=[FeedbackState.NEW, FeedbackState.IN_PROGRESS])


class Feedback(models.Model):
    """A reader's report that a practice page is outdated or wrong."""

    practice = models.ForeignKey(
        Practice,
        verbose_name=_("practice"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="feedback",
    )
    page_url = models.CharField(_("page"), max_length=500)
    language = models.CharField(_("language"), max_length=2)
    message = models.TextField(_("message"), max_length=3000)
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Only if the reader wants an answer.")
    )
    state = models.CharField(
        _("state"), max_length=12, choices=FeedbackState.choices, default=FeedbackState.NEW
    )
    note = models.TextField(
        _("internal note"),
        blank=True,
        help_text=_("Seen by staff only: what was done, or why the report was rejected."),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "-created_at"], name="feedback_state_received")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=FeedbackState.values), name="feedback_state_valid"
            ),
        ]

    def __str__(self):
        return f"{self.page_url} ({self.created_at:%Y-%m-%d})"

    @property
    def is_open(self) -> bool:
        return self.state in (FeedbackState.NEW, FeedbackState.IN_PROGRESS)


class SearchDocument(models.Model):
    """A published practice's analysed text in one language: what search matches and ranks.

    Each field holds the terms catalogue.search.analysis gives for the practice's text
    (base forms, compound parts, stems, surface forms), separated by spaces. `names` holds
    the names of its municipalities (Finnish and Swedish), target groups, themes and service
    languages (with autonyms). Kept by catalogue.search.index.index_practice; PostgreSQL
    adds a weighted tsvector column over these terms with a GIN index, SQLite an FTS5 table
    (migration catalogue 0008_search_documents).
    """

    practice = models.ForeignKey(
        Practice,
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="search_documents",
    )
    language = models.CharField(_("language"), max_length=2)
    title = models.TextField(_("title terms"), blank=True)
    summary = models.TextField(_("summary terms"), blank=True)
    names = models.TextField(_("name terms"), blank=True)
    description = models.TextField(_("description terms"), blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        ordering = ["practice", "language"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "language"], name="search_document_unique"),
        ]

    def __str__(self):
        return f"{self.practice_id}/{self.language}"


class SearchTerm(models.Model):
    """A word some published practice is written with: the vocabulary that a mistyped
    search word is corrected against."""

    term = models.CharField(_("term"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        ordering = ["term"]

    def __str__(self):
        return self.term


class DraftState(models.TextChoices):
    PENDING = "pending", _("waiting for a publisher")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class PracticeDraftQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=DraftState.PENDING)


class PracticeDraft(models.Model):
    """An editor's change to a published practice, waiting for a publisher.

    The public keeps seeing the live practice. `changes` holds only the fields the editor
    changed (translated fields per language, links as lists of ids), `base` the live values
    they replaced: a publisher approves only if the live practice still has those values.
    """

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="drafts"
    )
    changes = models.JSONField(_("changed values"))
    base = models.JSONField(_("live values the change replaces"))
    base_version = models.PositiveIntegerField(
        _("based on version"), help_text=_("The practice's version the editor started from.")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="practice_drafts",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    state = models.CharField(
        _("state"), max_length=10, choices=DraftState.choices, default=DraftState.PENDING
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_practice_drafts",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    note = models.TextField(
        _("note to the editor"), blank=True, help_text=_("Why the change was rejected.")
    )

    objects = PracticeDraftQuerySet.as_manager()

    class Meta:
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=DraftState.values), name="practice_draft_state_valid"
            ),
        ]

    def __str__(self):
        return f"{self.practice} ({self.created_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        return reverse("admin:catalogue_practicedraft_change", args=[self.pk])
