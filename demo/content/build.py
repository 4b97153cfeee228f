"""Small helpers to write tutorial content as plain Python data, close to what the blocks expect."""

from dataclasses import dataclass


def p(*paragraphs):
    """Paragraphs of rich text: p("Une phrase.", "Une autre.") → "<p>Une phrase.</p><p>Une autre.</p>"."""
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def ol(*items):
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def link(url, text=None):
    return f'<a href="{url}">{text or url.removeprefix("https://").removeprefix("www.")}</a>'


def callout(kind, title, *paragraphs):
    return {"kind": kind, "title": title, "text": p(*paragraphs)}


def tip(title, *paragraphs):
    return callout("tip", title, *paragraphs)


def warning(title, *paragraphs):
    return callout("warning", title, *paragraphs)


def scam(title, *paragraphs):
    return callout("scam", title, *paragraphs)


@dataclass(frozen=True)
class Right:
    """Marks the right answer among a « je vérifie » question's options."""

    text: str


def check(question, options, explanation):
    """A « je vérifie » question: options are strings, the right one wrapped in Right(...)."""
    return {
        "check_question": question,
        "check_options": [
            {"text": option.text, "correct": True} if isinstance(option, Right) else {"text": option, "correct": False}
            for option in options
        ],
        "check_explanation": explanation,
    }


def step(title, instruction, *, image=None, alt="", callouts=(), quiz=None):
    """One step. `image` is the file name of an illustration in static/img/tutorials/."""
    value = {
        "title": title,
        "instruction": instruction,
        "image": image,
        "image_alt": alt,
        "image_decorative": False,
        "callouts": list(callouts),
        "check_question": "",
        "check_options": [],
        "check_explanation": "",
    }
    if quiz:
        value.update(quiz)
    return value


def document(text):
    return ("document", text)


def equipment(text):
    return ("equipment", text)


def account(text):
    return ("account", text)
