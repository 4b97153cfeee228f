import pytest

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_our_login_from_wagtail_admin(client, home_page):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/comptes/login/")


def test_wagtail_admin_login_page_redirects_to_allauth(client, home_page):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/comptes/login/")


@pytest.mark.parametrize("role", ["resident", "agent"])
def test_people_without_authoring_rights_get_403_in_wagtail_admin(client_for, role, home_page):
    response = client_for(role).get("/admin/")
    assert response.status_code == 403
    assert "Vous n'avez pas accès à cette page" in response.content.decode()


@pytest.mark.parametrize("role", ["trainer", "reviewer", "superuser"])
def test_authors_can_open_wagtail_admin(client_for, role, home_page):
    response = client_for(role).get("/admin/")
    assert response.status_code == 200


def test_trainer_can_edit_pages_but_not_publish(trainer, home_page):
    permissions = home_page.permissions_for_user(trainer)
    assert permissions.can_edit()
    assert permissions.can_add_subpage()
    assert not permissions.can_publish()


def test_reviewer_can_publish(reviewer, home_page):
    assert home_page.permissions_for_user(reviewer).can_publish()


def test_pages_go_through_review_before_publication(home_page):
    workflow = home_page.get_workflow()
    assert workflow is not None
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Relecteurs"]


@pytest.mark.parametrize("role", ["resident", "trainer", "reviewer", "agent", "manager"])
def test_django_admin_is_for_superusers_only(client_for, role, home_page):
    assert client_for(role).get("/django-admin/").status_code == 403
    assert client_for(role).get("/django-admin/accounts/user/").status_code == 403


def test_superuser_opens_django_admin(client_for, home_page):
    assert client_for("superuser").get("/django-admin/").status_code == 200


def test_django_admin_login_goes_through_allauth(client, home_page):
    response = client.get("/django-admin/")
    assert response.status_code == 302
    assert response["Location"] == "/comptes/login/?next=/django-admin/"
    assert client.get("/django-admin/login/")["Location"].startswith("/comptes/login/")
