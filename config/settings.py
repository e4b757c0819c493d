"""Settings for the Kunnat kotouttavat catalogue.

One module, read from typed environment variables. The defaults are the safe production
ones: DEBUG is off unless asked for, and without DEBUG a missing SECRET_KEY stops start-up.
Local development sets DEBUG=1 (the Makefile does); tests use config.test_settings.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

if DEBUG:
    # Development only: a fixed key is harmless because DEBUG never runs in production.
    SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
else:
    SECRET_KEY = env("SECRET_KEY", default="")
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. Set DEBUG=1 for local development."
        )

# The site's public address (scheme and host, no path): every absolute URL the site writes
# (canonical and hreflang links, Open Graph, JSON-LD, sitemap, robots.txt, feeds, the API's
# links, permanent links, e-mails) is built from it, never from the request's Host header,
# which a client or a misconfigured proxy controls.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000" if DEBUG else "").rstrip("/")
if not SITE_URL:
    raise ImproperlyConfigured(
        "SITE_URL must be set when DEBUG is off, e.g. https://kotouttaminen.fi"
    )

# Hosts the site answers for besides SITE_URL's own: exact `host` or `host:port` entries
# (config.hosts checks the port too, which Django's ALLOWED_HOSTS does not).
EXACT_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost:8000", "127.0.0.1:8000"] if DEBUG else []
)
_SITE_HOST = urlsplit(SITE_URL).hostname or ""
# Django's own check sees host names only.
ALLOWED_HOSTS = sorted(
    {_SITE_HOST, *(urlsplit(f"//{host}").hostname or host for host in EXACT_HOSTS)} - {""}
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Full-text and trigram search lookups on PostgreSQL; harmless on SQLite.
    "django.contrib.postgres",
    # Every change in the admin is kept as a version that can be compared and reverted.
    "reversion",
    "reversion_compare",
    # Locks out repeated failed admin logins (django-axes, named in the staff's language).
    "catalogue.login_protection.LoginProtectionConfig",
    # CORS headers for the read-only open data (API, exports, feeds), see CORS_URLS_REGEX.
    "corsheaders",
    # Practice phone numbers (its error messages are translated to Finnish and Swedish).
    "phonenumber_field",
    "municipalities",
    "catalogue",
]

MIDDLEWARE = [
    # First: nothing may see a request for another host (or port) than the site's own.
    "config.hosts.ExactHostMiddleware",
    "config.input.AdminQueryMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything that can answer on its own, so that CORS preflights get their headers.
    "corsheaders.middleware.CorsMiddleware",
    # HEAD on public responses answers like GET, with validators (catalogue.http).
    "catalogue.http.HeadAsGetMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # gzip for dynamic responses over 1 KB, except the admin, whose pages carry a CSRF
    # token (BREACH); outside ConditionalGetMiddleware, so that ETags are computed on the
    # uncompressed body (catalogue.http).
    "catalogue.http.PublicGZipMiddleware",
    # ETag on every response and 304 for If-None-Match / If-Modified-Since.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After authentication, so that logged-in staff never get a cached page.
    "catalogue.caching.PublicPageCacheMiddleware",
    # Inside the page cache, so that the cached copy keeps the Last-Modified it was made with.
    "catalogue.http.LastModifiedMiddleware",
    # Last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Admin login protection (django-axes): after AXES_FAILURE_LIMIT failures for one username
# from one address, that pair is locked out for the cool-off time.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_VERBOSE = False
# Behind a load balancer every request comes from its address: with TRUSTED_PROXY_COUNT = N
# proxies, the client is the Nth address from the right of X-Forwarded-For (0 = no proxy,
# use the connection's address). One function (config.client_ip) answers for axes and the
# feedback limit alike.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"
# A username of any length is an ordinary failed login, never a database error.
AXES_USERNAME_CALLABLE = "config.axes.username"
# Without Redis, login protection keeps working: axes counts failures in the database
# (its default database handler), never in the cache.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "catalogue.context_processors.alternate_urls",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. Finnish is the default and the fallback for content that lacks a translation;
# the language names are autonyms, so that a reader finds their own language in the switcher.
LANGUAGE_CODE = "fi"
LANGUAGES = [
    ("fi", "suomi"),
    ("sv", "svenska"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True
# English dates in the British order ("4 May 2026"), not Django's American default.
FORMAT_MODULE_PATH = ["config.formats"]

# Phone numbers typed without a country code are Finnish; they are stored in E.164.
PHONENUMBER_DEFAULT_REGION = "FI"
PHONENUMBER_DB_FORMAT = "E164"

MODELTRANSLATION_DEFAULT_LANGUAGE = "fi"
# Reading a missing translation falls back to Finnish, then Swedish (the two languages the
# source document was written in), then English. Filters never fall back (modeltranslation).
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("fi", "sv", "en")}
# The tabbed translation admin needs jQuery UI: served from our static files, never a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# In development (and tests) whitenoise serves straight from the app and static folders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
# A file missing from the manifest is served unhashed instead of failing the page (the 500
# page included).
WHITENOISE_MANIFEST_STRICT = False

# With REDIS_URL the cache is shared by every host behind the load balancer (Django's own
# RedisCache, failing open), so invalidating it on one host invalidates it on all of them.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # Fails open: a Redis that is down, frozen or refusing makes the site run
            # uncached (and logs it once a minute) instead of answering 500.
            "BACKEND": "config.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="kunnat"),
            "OPTIONS": {
                # A page must never wait long for the cache: connect and read give up fast.
                "socket_connect_timeout": env.float("CACHE_TIMEOUT", default=0.3),
                "socket_timeout": env.float("CACHE_TIMEOUT", default=0.3),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole public pages are cached for anonymous visitors (catalogue.caching); the search
# benchmark turns it off to measure the work behind a page.
PUBLIC_PAGE_CACHE = env.bool("PUBLIC_PAGE_CACHE", default=True)
# The form of a query string the page cache keys on. The API's page links (common.api) take
# it, so that a link is the address its page is cached under; named here because common/
# imports neither app.
CANONICAL_QUERY = "catalogue.caching.canonical_query"

# Security. HTTPS-only cookies and HSTS are on unless DEBUG is; behind a TLS-terminating proxy
# set SECURE_PROXY_SSL_HEADER_ENABLED=1 so that Django trusts X-Forwarded-Proto.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# The load balancer's and the container's health checks speak plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^health/$", r"^ready/$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
if env.bool("SECURE_PROXY_SSL_HEADER_ENABLED", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

# CORS (django-cors-headers): any web page may read the open data from the browser: the API,
# the exports under /api/v1/ and the Atom feeds. Read-only, without cookies or credentials.
CORS_URLS_REGEX = r"^/(api/v1/|(fi/syote|sv/flode|en/feed)/)"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Link", "Content-Disposition")

# Content-Security-Policy (django-csp): only our own scripts and styles, nothing inline, and
# no framing. JSON-LD blocks are data, not script, and are not affected.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# Permissions-Policy (django-permissions-policy): the site needs no powerful feature.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}

# The publication the catalogue was first filled from; cited on every practice page and in the API.
CATALOGUE_SOURCE = {
    "title": "Kunnat kotouttavat – esimerkkejä kuntien kotouttamiskäytännöistä",
    "publisher": "Suomen Kuntaliitto",
    "year": 2017,
}

CATALOGUE_FIXTURES_DIR = BASE_DIR / "fixtures" / "catalogue"

# Signed preview links of unpublished practices stay valid this long.
PREVIEW_MAX_AGE = timedelta(days=env.int("PREVIEW_DAYS", default=14))
# Readers' reports: at most this many per address per hour.
FEEDBACK_PER_HOUR = env.int("FEEDBACK_PER_HOUR", default=5)
MANAGERS = [("Kunnat kotouttavat", email) for email in env.list("MANAGER_EMAILS", default=[])]
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="noreply@localhost")

# Public pages list this many practices per page; the API's page size is its own parameter.
PRACTICES_PER_PAGE = 20
