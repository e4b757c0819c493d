from django.urls import path

from municipalities import views

app_name = "municipalities"

urlpatterns = [
    path("", views.MunicipalityListView.as_view(), name="municipality_list"),
    path("<slug:slug>/", views.MunicipalityDetailView.as_view(), name="municipality_detail"),
]
