"""Code both apps need: pages per language (slugs, addresses, sitemaps), the admin's
history and edit-conflict mixins, the API's and the exports' shared parts.

A plain package, not an app: it has no models, templates or migrations, and it imports
neither app, so that `catalogue` and `municipalities` can both use it (tests/test_app_borders.py).
"""
