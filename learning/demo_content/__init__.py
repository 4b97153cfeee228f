"""The demo's learning content, as plain data: one module per file, plus operators, procedures and glossary.

Written for residents who are beginners: plain French, short sentences, « vous ». Procedures are described as
they work in 2026; where a menu label or a deep link may change, the text stays general.
"""

from learning.demo_content import (
    acceder_a_internet,
    courriel,
    emploi_identite_impots,
    premiers_pas,
    sante_et_droits,
    se_proteger,
)
from learning.demo_content.glossary import GLOSSARY
from learning.demo_content.reference import IMAGES, OPERATORS, PROCEDURES

MODULES = [
    premiers_pas.MODULE,
    acceder_a_internet.MODULE,
    courriel.MODULE,
    se_proteger.MODULE,
    sante_et_droits.MODULE,
    emploi_identite_impots.MODULE,
]

__all__ = ["GLOSSARY", "IMAGES", "MODULES", "OPERATORS", "PROCEDURES"]
