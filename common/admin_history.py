"""History that cannot escalate: revert and recover act on one object's version only.

django-reversion's admin reverts the whole revision a version belongs to (one catalogue
load holds every loaded row) before it checks anything. Here the permission is checked on
the stored object first; a revert is the old version's values posted through the ordinary
change form, so it takes the same path as any edit (for an editor and a published practice,
a pending change); and the state, the edit version and the preview key always stay those of
the stored object, so no revert publishes, archives or unpublishes anything.
"""

from contextlib import nullcontext

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.http import Http404
from django.shortcuts import redirect
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _
from reversion.errors import RevertError
from reversion.revisions import set_comment
from reversion.utils import mute_signals

# Fields that belong to the stored object, never to an old version.
KEPT_FIELDS = ("status", "lock_version", "preview_nonce")


class _RollBackError(Exception):
    def __init__(self, response):
        self.response = response


class SingleObjectHistoryMixin:
    """For VersionAdmins: revert and recover one object's version, never a whole revision."""

    def may_set_state(self, request) -> bool:
        """Whether this user may choose the state of what they recover (publishers may)."""
        return False

    def recovered_state(self):
        """The state a recovered object gets when the user may not choose it."""
        return None

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        if version._model is not self.model:
            raise Http404
        stored = self.model._default_manager.filter(pk=version.object_id).first()
        if stored is None:
            if not (self.has_add_permission(request) and self.has_change_permission(request)):
                raise PermissionDenied
        elif not self.has_change_permission(request, stored):
            raise PermissionDenied
        object_id = quote(version.object_id)
        comment = _("Reverted to previous version, saved on %(datetime)s") % {
            "datetime": localize(template_localtime(version.revision.date_created)),
        }
        if request.method == "POST" and stored is not None:
            # The form posts the old version's values: an ordinary edit of the stored object.
            with self.create_revision(request):
                response = self.changeform_view(request, object_id, request.path, extra_context)
                if response.status_code == 302:
                    set_comment(comment)
            return response
        muted = (
            mute_signals(pre_save, post_save, pre_delete, post_delete, m2m_changed)
            if request.method == "GET"
            else nullcontext()
        )
        try:
            with transaction.atomic(), muted:
                version.revert()  # this object only, never version.revision.revert()
                self._keep_stored_fields(request, version, stored)
                with self.create_revision(request):
                    response = self.changeform_view(request, object_id, request.path, extra_context)
                    if request.method == "POST" and response.status_code == 302:
                        set_comment(comment)
                    elif response.status_code == 200:
                        response.template_name = template_name
                        response.render()
                        raise _RollBackError(response)
                    else:
                        raise RevertError(_("This version cannot be shown."))
        except _RollBackError as rollback:
            return rollback.response
        except (RevertError, IntegrityError, models.ProtectedError):
            messages.error(
                request,
                _(
                    "This version cannot be restored: another entry now uses one of its "
                    "unique values (such as an address), or it refers to something deleted."
                ),
            )
            opts = self.model._meta
            return redirect(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_changelist")
        return response

    def _keep_stored_fields(self, request, version, stored):
        fields = {f.name for f in self.model._meta.concrete_fields}
        if stored is not None:
            kept = {name: getattr(stored, name) for name in KEPT_FIELDS if name in fields}
        else:
            kept = {}
            if "status" in fields and not self.may_set_state(request):
                kept["status"] = self.recovered_state()
            if "lock_version" in fields:
                kept["lock_version"] = 0
        if kept:
            self.model._default_manager.filter(pk=version.object_id).update(**kept)
