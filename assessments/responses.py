"""Turn posted form values into responses (see assessments.questions), refusing what no form could send."""

from assessments import questions as q
from assessments.scoring import InvalidResponse
from cms.text import parse_int

MAX_TEXT_LENGTH = 200


def field_name(question_id, part=None):
    return f"q-{question_id}" if part is None else f"q-{question_id}-{part}"


def _index(raw, count):
    index = parse_int(raw)
    if index is None or index >= count:
        raise InvalidResponse("Réponse invalide : ce choix n'existe pas.")
    return index


def _text(raw):
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


def decode(question_id, question, data):
    """The response to one question from `data` (a QueryDict or a dict of lists); None when left blank."""
    kind = question["kind"]
    name = field_name(question_id)
    if kind == q.SINGLE:
        raw = data.get(name, "")
        return _index(raw, len(question["options"])) if raw else None
    if kind == q.MULTIPLE:
        raws = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
        if len(raws) > len(question["options"]):
            raise InvalidResponse("Réponse invalide : trop de choix.")
        chosen = sorted({_index(raw, len(question["options"])) for raw in raws})
        return chosen or None
    if kind == q.TRUE_FALSE:
        raw = data.get(name, "")
        if raw not in ("", "vrai", "faux"):
            raise InvalidResponse("Réponse invalide : vrai ou faux attendu.")
        return None if raw == "" else raw == "vrai"
    if kind == q.SHORT_ANSWER:
        return _text(data.get(name, ""))
    if kind == q.MATCHING:
        count = len(question["pairs"])
        chosen = [data.get(field_name(question_id, i), "") for i in range(count)]
        response = [_index(raw, count) if raw else None for raw in chosen]
        return None if all(value is None for value in response) else response
    if kind == q.ORDERING:
        count = len(question["items"])
        chosen = [data.get(field_name(question_id, i), "") for i in range(count)]
        response = [_index(raw, count) if raw else None for raw in chosen]
        if all(value is None for value in response):
            return None
        if None in response or len(set(response)) != count:
            # Left incomplete or with a step chosen twice: a slip, not tampering. It counts as not answered.
            return None
        return response
    raise InvalidResponse("Type de question inconnu.")


def encode(question_id, question, response):
    """The form values that show a saved response again: {field name: value or list of values}."""
    if response is None:
        return {}
    kind = question["kind"]
    name = field_name(question_id)
    if kind == q.SINGLE:
        return {name: str(response)}
    if kind == q.MULTIPLE:
        return {name: [str(index) for index in response]}
    if kind == q.TRUE_FALSE:
        return {name: "vrai" if response else "faux"}
    if kind == q.SHORT_ANSWER:
        return {name: response}
    if kind in (q.MATCHING, q.ORDERING):
        return {field_name(question_id, i): str(value) for i, value in enumerate(response) if value is not None}
    return {}
