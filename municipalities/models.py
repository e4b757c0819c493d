from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from common.i18n import slug_constraints


class Region(models.Model):
    """A region (maakunta / landskap) as coded by Statistics Finland."""

    code = models.CharField(
        _("code"),
        max_length=2,
        unique=True,
        help_text=_("Statistics Finland region code, two digits (01 Uusimaa)."),
    )
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[0-9]{2}$"), name="region_code_two_digits"
            ),
        ]

    def __str__(self):
        return self.name


# A published practice (catalogue's Status.PUBLISHED), through Practice.municipalities.
PUBLISHED_PRACTICE = models.Q(practices__status="published")


class MunicipalityQuerySet(models.QuerySet):
    def with_practices(self):
        """Municipalities that run or take part in at least one published practice."""
        return self.filter(PUBLISHED_PRACTICE).distinct()

    def with_practice_count(self):
        """Each with `practice_count`: the published practices it runs or takes part in."""
        return self.annotate(practice_count=models.Count("practices", filter=PUBLISHED_PRACTICE))


class Municipality(models.Model):
    code = models.CharField(
        _("code"),
        max_length=3,
        unique=True,
        help_text=_("Official Statistics Finland municipality code, three digits (091 Helsinki)."),
    )
    name = models.CharField(_("name"), max_length=100)
    # NULL, not '', marks a missing slug so that the per-language unique constraints hold.
    slug = models.SlugField(  # noqa: DJ001
        _("slug"),
        max_length=100,
        null=True,
        blank=True,
        help_text=_("The last part of the page address in this language."),
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="municipalities",
    )
    lock_version = models.PositiveIntegerField(
        _("version"),
        default=0,
        editable=False,
        help_text=_("Counts the saves; a form made from an older version cannot overwrite."),
    )
    website = models.URLField(
        _("official website"),
        blank=True,
        help_text=_("The municipality's own website, where residents find its services."),
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name_fi"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[0-9]{3}$"),
                name="municipality_code_three_digits",
            ),
            *slug_constraints("municipality"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self, language: str | None = None) -> str | None:
        language = language or translation.get_language()
        slug = getattr(self, f"slug_{language}", None)
        if not slug:
            return None
        with translation.override(language):
            return reverse("municipalities:municipality_detail", kwargs={"slug": slug})


class CooperationArea(models.Model):
    """A named group of municipalities that the source treats as one actor.

    Some practices belong to a cooperation area or sub-region rather than to one
    municipality (Ylä-Savo, the Jakobstad region, the K5 municipalities); the source also
    names "Ylivieskan seutu" without listing its members, so members may be empty.
    """

    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=150)
    members = models.ManyToManyField(
        Municipality,
        verbose_name=_("member municipalities"),
        related_name="cooperation_areas",
        blank=True,
        help_text=_("Only the members the source names."),
    )

    class Meta:
        verbose_name = _("cooperation area")
        verbose_name_plural = _("cooperation areas")
        ordering = ["slug"]

    def __str__(self):
        return self.name
