from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from accounts.models import Membership, Structure, StructureLink, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "display_name", "email", "kind", "is_active", "last_login"]
    list_filter = ["kind", "is_active", "is_superuser", "groups"]
    search_fields = ["username", "display_name", "email", "first_name", "last_name"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        ("Pas à pas", {"fields": ["kind", "display_name"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["username", "kind", "email", "password1", "password2"]}),
    ]


@admin.register(Structure)
class StructureAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "join_code"]
    search_fields = ["name", "city"]
    inlines = [MembershipInline]


@admin.register(StructureLink)
class StructureLinkAdmin(admin.ModelAdmin):
    list_display = ["resident", "structure", "consent_method", "consented_at", "withdrawn_at"]
    list_filter = ["structure", "consent_method"]
    raw_id_fields = ["resident", "consent_recorded_by"]
