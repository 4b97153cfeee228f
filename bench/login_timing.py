"""`python -m bench.login_timing`: how long a failed password sign-in takes, with the production password hasher,
for an address that has an account and one that has none (issue 14, item 5: the time must not tell them apart).

Runs on a throwaway test database (the test settings, with Django's default hashers put back), through the real
sign-in view. Prints the median and the spread of each case, and the difference of the medians.

Environment (optional): LOGIN_TIMING_ROUNDS, tries per case (default 15).
"""

import os
import statistics
import time

ROUNDS = int(os.environ.get("LOGIN_TIMING_ROUNDS", "15"))
CASES = {
    "adresse avec un compte, mauvais mot de passe": "amina@exemple.fr",
    "adresse sans compte": "personne@exemple.fr",
    "identifiant avec un compte, mauvais mot de passe": "amina",
    "identifiant sans compte": "personne",
}


def measure(client, login, ip):
    from django.urls import reverse

    started = time.perf_counter()
    response = client.post(reverse("account_login"), {"login": login, "password": "pas-le-bon"}, REMOTE_ADDR=ip)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, response.status_code  # the form again, with its error
    return elapsed * 1000


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django
    from django.conf import global_settings, settings

    django.setup()
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    settings.ALLOWED_HOSTS = ["testserver"]
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        from tests.accounts.factories import ResidentFactory

        ResidentFactory(username="amina", email="amina@exemple.fr", password="un-mot-de-passe-bien-long")
        client = Client()
        measure(client, "amina", "198.51.100.1")  # warm up: imports, first queries
        timings = {name: [] for name in CASES}
        for round_number in range(ROUNDS):
            for case_number, (name, login) in enumerate(CASES.items()):
                # A new address for each try, so the per-network limit never answers in place of the hasher; the
                # per-account budget is 5 failures, so the account's own count is reset each round.
                ip = f"10.{round_number}.{case_number}.1"
                timings[name].append(measure(client, login, ip))
            from django.core.cache import caches

            for alias in settings.CACHES:
                caches[alias].clear()
            from accounts import ratelimit

            ratelimit._local_fallback.clear()
        print(f"Connexion refusée, {ROUNDS} essais par cas, hacheur {settings.PASSWORD_HASHERS[0].rsplit('.', 1)[1]}")
        medians = {}
        for name, values in timings.items():
            medians[name] = statistics.median(values)
            print(f"  {name:52} médiane {medians[name]:7.1f} ms  (de {min(values):.1f} à {max(values):.1f})")
        names = list(CASES)
        print(f"  écart des médianes, adresses : {abs(medians[names[0]] - medians[names[1]]):.1f} ms")
        print(f"  écart des médianes, identifiants : {abs(medians[names[2]] - medians[names[3]]):.1f} ms")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
