"""The admin's search boxes and autocompletes pass their text straight to the database.

PostgreSQL refuses a NUL character in any text, so `?q=%00` on an admin list or
autocomplete answered 500. Such a query is no one's search: it is refused with 400. (Public
pages clean their own parameters; forms refuse NUL with a field error.)
"""

from django.core.exceptions import BadRequest


class AdminQueryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/") and any(
            "\x00" in value for values in request.GET.lists() for value in values[1]
        ):
            raise BadRequest("A NUL character in the query string.")
        return self.get_response(request)
