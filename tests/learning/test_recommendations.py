"""Recommended modules from a diagnostic profile: plain data, no database."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from learning.recommendations import ModuleInfo, Recommendation, recommend

PROPERTY = settings(max_examples=200, deadline=None, database=None)

TITLES = {
    "0.1": "Premiers pas",
    "2.1": "Communiquer",
    "4.1": "Sécuriser ses appareils",
    "4.2": "Protéger ses données",
    "6.1": "Faire ses démarches",
}


def module(id_, title, level="debutant", competences=(), gaps=(), exclusion_type="competence"):
    return ModuleInfo(
        id=id_,
        title=title,
        level=level,
        competences=tuple(competences),
        exclusion_type=exclusion_type,
        addresses_gaps=tuple(gaps),
    )


def ids(recommendations):
    return [recommendation.module_id for recommendation in recommendations]


CATALOGUE = [
    module(1, "Allumer un ordinateur", "debutant", ["0.1"]),
    module(2, "Envoyer un courriel", "debutant", ["2.1"]),
    module(3, "Créer une adresse électronique", "debutant", ["2.1"], gaps=["no_email"], exclusion_type="equipment"),
    module(4, "Protéger son téléphone", "intermediaire", ["4.1", "4.2"]),
    module(5, "Faire une démarche en ligne", "intermediaire", ["6.1", "0.1"]),
    module(6, "Sauvegarder ses données", "autonome", ["4.2"]),
    module(7, "Trouver un accès à internet", "debutant", gaps=["no_internet"], exclusion_type="equipment"),
]


def test_modules_rank_by_the_size_of_the_gap():
    profile = {"0.1": 2, "2.1": 1, "4.1": 3, "4.2": 3, "6.1": 3}
    modules = [
        module("a", "Petit écart", "debutant", ["0.1"]),  # gap 1
        module("b", "Grand écart", "debutant", ["2.1"]),  # gap 2
        module("c", "Deux compétences", "debutant", ["0.1", "2.1"]),  # gap 3
    ]
    assert ids(recommend(profile, set(), modules)) == ["c", "b", "a"]


def test_at_most_five_and_the_limit_is_a_parameter():
    profile = {"0.1": 0}
    modules = [module(n, f"Module {n:02}", "debutant", ["0.1"]) for n in range(12)]
    assert ids(recommend(profile, set(), modules)) == [0, 1, 2, 3, 4]
    assert len(recommend(profile, set(), modules, limit=2)) == 2
    assert recommend(profile, set(), modules, limit=0) == []


def test_a_beginner_gets_beginner_modules_first():
    profile = dict.fromkeys(TITLES, 0)
    recommended = recommend(profile, set(), CATALOGUE)
    levels = [next(m.level for m in CATALOGUE if m.id == module_id) for module_id in ids(recommended)]
    assert levels == ["debutant", "debutant", "debutant", "intermediaire", "intermediaire"]
    # The harder module covers a bigger gap (4.1 and 4.2 both at 0) but still comes after the beginner ones.
    assert ids(recommended)[:3] == [1, 3, 2]


def test_harder_modules_fit_someone_further_along():
    profile = {"4.1": 1, "4.2": 1}
    assert ids(recommend(profile, set(), CATALOGUE)) == [4, 6]
    # The same person as a beginner in 4.2: the « autonome » module falls behind.
    profile = {"4.1": 2, "4.2": 0}
    beginner_modules = [module("easy", "Les mots de passe", "debutant", ["4.2"]), *CATALOGUE]
    assert ids(recommend(profile, set(), beginner_modules)) == ["easy", 4, 6]


def test_equipment_gaps_surface_the_modules_that_address_them():
    profile = {"0.1": 1, "2.1": 1}
    plain = ids(recommend(profile, set(), CATALOGUE))
    assert 3 in plain and 7 not in plain
    with_gaps = ids(recommend(profile, {"no_email", "no_internet"}, CATALOGUE))
    assert with_gaps[:2] == [3, 7]  # the blockers first: email (gap + bonus), then internet (bonus)
    assert plain[0] == 1 and with_gaps[2:] == plain[:1] + plain[2:]  # the others keep their order


def test_an_equipment_gap_nobody_addresses_changes_nothing():
    profile = {"0.1": 1}
    assert recommend(profile, {"no_printer"}, CATALOGUE) == recommend(profile, set(), CATALOGUE)


def test_nothing_is_recommended_when_nothing_is_missing():
    profile = dict.fromkeys(TITLES, 3)
    assert recommend(profile, set(), CATALOGUE) == []
    assert recommend({}, set(), CATALOGUE) == []  # no evidence at all: nothing to say
    assert recommend(profile, set(), []) == []


def test_competences_the_check_did_not_assess_do_not_count():
    assert recommend({"0.1": 3}, set(), [module(1, "Sécurité", "debutant", ["4.1"])]) == []


def test_a_lower_target_level_narrows_the_gaps():
    profile = {"0.1": 2, "2.1": 1}
    assert ids(recommend(profile, set(), CATALOGUE, target_level=2)) == [3, 2]


def test_ties_break_by_title_then_id_whatever_the_input_order():
    profile = {"0.1": 0}
    modules = [
        module(2, "Écrire", "debutant", ["0.1"]),
        module(1, "Dossier", "debutant", ["0.1"]),
        module(4, "Fichier", "debutant", ["0.1"]),
        module(3, "Fichier", "debutant", ["0.1"]),
    ]
    expected = [1, 2, 3, 4]  # « Écrire » sorts as « Ecrire », between D and F
    assert ids(recommend(profile, set(), modules)) == expected
    assert ids(recommend(profile, set(), list(reversed(modules)))) == expected


def test_reasons_are_short_plain_french():
    profile = {"0.1": 1, "2.1": 0, "4.1": 1, "4.2": 2}
    by_id = {
        recommendation.module_id: recommendation.reason
        for recommendation in recommend(profile, {"no_email"}, CATALOGUE, competence_titles=TITLES, limit=10)
    }
    assert by_id[3] == "Pour apprendre : Créer une adresse électronique."
    assert by_id[2] == "Vous pourrez progresser en : Communiquer."
    assert by_id[4] == "Vous pourrez progresser en : Sécuriser ses appareils et Protéger ses données."


def test_reasons_fall_back_to_the_competence_code():
    [recommendation] = recommend({"4.1": 0}, set(), [module(1, "Sécurité", "debutant", ["4.1"])])
    assert recommendation == Recommendation(1, "Vous pourrez progresser en : compétence 4.1.")


def test_only_the_missing_competences_are_named():
    profile = {"6.1": 3, "0.1": 0}
    [recommendation] = recommend(profile, set(), [CATALOGUE[4]], competence_titles=TITLES)
    assert recommendation.reason == "Vous pourrez progresser en : Premiers pas."


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"limit": -1}, "négatif"), ({"target_level": 0}, "niveau visé")],
)
def test_impossible_parameters_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        recommend({}, set(), [], **kwargs)


def test_module_info_checks_its_level_and_type():
    with pytest.raises(ValueError, match="Niveau"):
        module(1, "X", level="expert")
    with pytest.raises(ValueError, match="exclusion"):
        module(1, "X", exclusion_type="autre")
    with pytest.raises(ValueError, match="deux fois"):
        recommend({"0.1": 0}, set(), [module(1, "A", competences=["0.1"]), module(1, "B", competences=["0.1"])])


# Properties -----------------------------------------------------------------------------------------------------

codes = st.sampled_from(sorted(TITLES))
gap_names = st.sampled_from(["no_device", "no_internet", "no_email", "no_scanner"])
modules_strategy = st.lists(
    st.builds(
        ModuleInfo,
        id=st.integers(0, 10_000),
        title=st.sampled_from(["A", "B", "Écrire", "e"]),
        level=st.sampled_from(["debutant", "intermediaire", "autonome"]),
        competences=st.lists(codes, max_size=3).map(tuple),
        exclusion_type=st.sampled_from(["equipment", "competence"]),
        addresses_gaps=st.lists(gap_names, max_size=2).map(tuple),
    ),
    max_size=15,
    unique_by=lambda info: info.id,
)


@PROPERTY
@given(
    profile=st.dictionaries(codes, st.integers(0, 3)),
    gaps=st.sets(gap_names),
    modules=modules_strategy,
    limit=st.integers(0, 6),
    shuffle=st.randoms(use_true_random=False),
)
def test_any_recommendation_is_bounded_useful_and_order_independent(profile, gaps, modules, limit, shuffle):
    recommended = recommend(profile, gaps, modules, limit=limit)
    assert len(recommended) <= limit
    assert len(set(ids(recommended))) == len(recommended)
    by_id = {info.id: info for info in modules}
    for recommendation in recommended:
        info = by_id[recommendation.module_id]
        lacks = any(profile.get(code, 3) < 3 for code in info.competences) or set(info.addresses_gaps) & gaps
        assert lacks, "a module covering nothing the person lacks is never recommended"
        assert recommendation.reason.startswith(("Pour apprendre : ", "Vous pourrez progresser en : "))
    shuffled = list(modules)
    shuffle.shuffle(shuffled)
    assert recommend(profile, gaps, shuffled, limit=limit) == recommended
