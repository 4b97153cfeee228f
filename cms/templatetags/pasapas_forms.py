"""Accessible form rendering: every field gets its label, help text and errors tied to the input."""

from django import forms, template

register = template.Library()

CHECKBOX_WIDGETS = (forms.CheckboxInput,)


@register.inclusion_tag("components/form_field.html")
def form_field(field, label=None):
    """Render a bound field: label, help text, errors, then the widget with aria-describedby and aria-invalid."""
    describedby = []
    help_id = f"{field.auto_id}-aide"
    errors_id = f"{field.auto_id}-erreurs"
    if field.help_text:
        describedby.append(help_id)
    if field.errors:
        describedby.append(errors_id)
    attrs = {}
    if describedby:
        attrs["aria-describedby"] = " ".join(describedby)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return {
        "field": field,
        "label": label or field.label,
        "widget": field.as_widget(attrs=attrs),
        "help_id": help_id,
        "errors_id": errors_id,
        "is_checkbox": isinstance(field.field.widget, CHECKBOX_WIDGETS),
        "is_hidden": field.is_hidden,
    }


@register.inclusion_tag("components/form_errors.html")
def form_errors(form):
    """Errors that belong to no single field, and a summary that tells how many fields need attention."""
    field_errors = [field for field in form if field.errors and not field.is_hidden]
    return {"form": form, "non_field_errors": form.non_field_errors(), "field_errors": field_errors}
