"""Turn posted form values into responses (see assessments.questions), refusing what no form could send.

Each kind decodes and encodes its own fields (assessments.kinds); the helpers here are what they share.
"""

from assessments import kinds
from assessments.scoring import InvalidResponse
from cms.text import parse_int

MAX_TEXT_LENGTH = 200


def field_name(question_id, part=None):
    return f"q-{question_id}" if part is None else f"q-{question_id}-{part}"


def choice_index(raw, count):
    """A posted choice number, one of `count`."""
    index = parse_int(raw)
    if index is None or index >= count:
        raise InvalidResponse("Réponse invalide : ce choix n'existe pas.")
    return index


def typed_text(raw):
    """A typed answer; a NUL character cannot be typed (and PostgreSQL cannot store it): refused, not stored."""
    if not isinstance(raw, str):
        raise InvalidResponse("Réponse invalide : un texte est attendu.")
    if "\x00" in raw:
        raise InvalidResponse(
            "Réponse invalide : un caractère n'est pas accepté. Effacez la réponse et écrivez-la à nouveau."
        )
    if len(raw) > MAX_TEXT_LENGTH:
        raise InvalidResponse("Réponse trop longue.")
    return raw.strip() or None


def posted_list(data, name):
    """Every value posted under `name` (a QueryDict or a dict of lists)."""
    return data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])


def posted_positions(question_id, count, data):
    """The choice posted for each of `count` numbered fields (None where left blank)."""
    chosen = [data.get(field_name(question_id, i), "") for i in range(count)]
    return [choice_index(raw, count) if raw else None for raw in chosen]


def encode_positions(question_id, response):
    """The numbered fields of a list of choices (None left out)."""
    return {field_name(question_id, i): str(value) for i, value in enumerate(response) if value is not None}


def decode(question_id, question, data):
    """The response to one question from `data` (a QueryDict or a dict of lists); None when left blank."""
    kind = kinds.find(question["kind"])
    if kind is None:
        raise InvalidResponse("Type de question inconnu.")
    return kind.decode(question_id, question, data)


def encode(question_id, question, response):
    """The form values that show a saved response again: {field name: value or list of values}."""
    kind = kinds.find(question["kind"])
    if response is None or kind is None:
        return {}
    return kind.encode(question_id, question, response)
