# syntax=docker/dockerfile:1
# Production image: the same steps as `make run` (install, compile messages, migrate, load the
# catalogue, serve), with gunicorn instead of runserver and static files collected at build.

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
RUN python -m venv /venv
# The exact versions and hashes of requirements/lock.txt (`make lock`), nothing resolved here.
COPY requirements/lock.txt requirements/lock.txt
RUN /venv/bin/pip install --require-hashes --no-deps -r requirements/lock.txt
COPY . .
# Translations are compiled here, never committed; static files get whitenoise's compressed,
# hashed manifest. SECRET_KEY is a throwaway for this build step only.
RUN /venv/bin/pybabel compile --domain django --directory locale \
    && SECRET_KEY=build-only-not-secret SITE_URL=http://build.invalid /venv/bin/python manage.py collectstatic --noinput

FROM python:3.11-slim
ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=config.settings
# Search's analysers: Voikko (Finnish base forms and compounds) and hunspell-sv's word list
# (Swedish compounds); the Python binding in /venv loads libvoikko.so.1.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libvoikko1 voikko-fi hunspell-sv \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --no-create-home --home-dir /app app
WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build --chown=root:root /app /app
USER app
EXPOSE 8000
# Readiness (/ready/): the database and the cache answer within 2 s; 503 without the
# database. The Host header is the site's own, the only one the app answers for.
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s CMD python -c "import os, urllib.parse, urllib.request as r; r.urlopen(r.Request('http://127.0.0.1:8000/ready/', headers={'Host': urllib.parse.urlsplit(os.environ['SITE_URL']).netloc}), timeout=2.5)"
# Migrations run on start; the catalogue is loaded only into an empty database, so that a
# restart never overwrites editors' work; the search index is built once after upgrading. gunicorn serves config.wsgi.
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py load_catalogue --only-if-empty && python manage.py rebuild_search_index --if-empty && exec gunicorn config.wsgi --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-3} --access-logfile - --forwarded-allow-ips ${FORWARDED_ALLOW_IPS:-127.0.0.1}"]
