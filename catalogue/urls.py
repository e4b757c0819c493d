from django.urls import path
from django.utils.translation import gettext_lazy as _

from catalogue import views
from catalogue.feeds import PracticeFeed

app_name = "catalogue"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(_("practices/"), views.PracticeListView.as_view(), name="practice_list"),
    path(_("practices/<slug:slug>/"), views.PracticeDetailView.as_view(), name="practice_detail"),
    path(
        _("practices/<slug:slug>/feedback/"),
        views.FeedbackView.as_view(),
        name="practice_feedback",
    ),
    path(_("preview/<str:token>/"), views.PracticePreviewView.as_view(), name="practice_preview"),
    path(_("about/"), views.AboutView.as_view(), name="about"),
    path(_("accessibility/"), views.AccessibilityView.as_view(), name="accessibility"),
    path(
        _("accessibility/feedback/"),
        views.AccessibilityFeedbackView.as_view(),
        name="accessibility_feedback",
    ),
    path(_("api/"), views.ApiDocsView.as_view(), name="api_docs"),
    path(_("feed/"), PracticeFeed(), name="feed"),
    path(_("embed/"), views.EmbedView.as_view(), name="embed"),
]
