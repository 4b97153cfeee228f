"""The demo's learning content, as plain data: one module per file, plus operators, procedures and glossary.

Written for residents who are beginners: plain French, short sentences, « vous ». Procedures are described as
they work in 2026; where a menu label or a deep link may change, the text stays general.
"""

from demo.content import (
    acceder_a_internet,
    caf_logement,
    courriel,
    emploi_identite_impots,
    impots_retraite,
    premiers_pas,
    sante_et_droits,
    sante_plus,
    se_proteger,
    sejour_et_emploi,
    vehicule_et_titres,
)
from demo.content.glossary import GLOSSARY as BASE_GLOSSARY
from demo.content.glossary_more import merged
from demo.content.reference import IMAGES, OPERATORS, PROCEDURES

MODULES = [
    premiers_pas.MODULE,
    acceder_a_internet.MODULE,
    courriel.MODULE,
    se_proteger.MODULE,
    sante_et_droits.MODULE,
    emploi_identite_impots.MODULE,
    # Issue 13: the procedures France Services users ask for most, by how often they ask.
    vehicule_et_titres.MODULE,
    caf_logement.MODULE,
    sante_plus.MODULE,
    impots_retraite.MODULE,
    sejour_et_emploi.MODULE,
]

GLOSSARY = merged(BASE_GLOSSARY)

__all__ = ["GLOSSARY", "IMAGES", "MODULES", "OPERATORS", "PROCEDURES"]
