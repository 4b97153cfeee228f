"""gunicorn's settings for Pas à pas: `gunicorn -c deploy/gunicorn.conf.py config.wsgi`.

The access log writes the path without its query string (%(U)s, not %(r)s): agents search residents by name and
the query string would put those names in the server's logs. The proxy in front must do the same (docs/deploy.md).
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
timeout = 60
accesslog = "-"
access_log_format = '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
