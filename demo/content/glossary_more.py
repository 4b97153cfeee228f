"""Glossary words of the modules added for issue 13 (carte grise, CAF, carte Vitale, impôts, retraite, séjour,
chèque énergie, what to do after a scam).

`merged(base)` adds them to the main glossary. A word the main glossary already explains stays as it is there: an
entry whose term is already a written form of the base is left out, and a variant already used is dropped, so that
no written form ever points to two terms.
"""

from cms.text import fold

GLOSSARY_MORE = [
    {
        "term": "carte grise",
        "variants": ["cartes grises", "certificat d'immatriculation", "certificats d'immatriculation"],
        # Source: service-public.fr, « Carte grise (certificat d'immatriculation) ».
        "definition": "Le papier officiel d'une voiture ou d'une moto. Son vrai nom est « certificat "
        "d'immatriculation ». Il donne le nom du propriétaire et son adresse.",
        "example": "Après un déménagement, vous changez l'adresse de votre carte grise sur ants.gouv.fr.",
    },
    {
        "term": "France Titres",
        "variants": ["Agence nationale des titres sécurisés"],
        # Source: ants.gouv.fr — the ANTS took the name France Titres in 2024; its site stays ants.gouv.fr.
        "definition": "L'agence de l'État pour la carte d'identité, le passeport, le permis de conduire et la carte "
        "grise. Son site officiel est ants.gouv.fr.",
        "example": "France Titres ne fait jamais payer de frais pour changer une adresse.",
    },
    {
        "term": "code de cession",
        "variants": ["codes de cession", "déclaration de cession"],
        # Source: service-public.fr F1480 « Vente d'un véhicule d'occasion ».
        "definition": "Code donné au vendeur d'une voiture quand il déclare la vente sur ants.gouv.fr. L'acheteur en "
        "a besoin pour faire la carte grise à son nom.",
        "example": "Le vendeur vous donne le code de cession avec la carte grise barrée.",
    },
    {
        "term": "certificat de situation administrative",
        "variants": ["certificat de non-gage", "non-gage"],
        "definition": "Document gratuit qui dit si une voiture peut être vendue. Il montre par exemple qu'elle n'est "
        "pas gagée.",
        "example": "Le vendeur donne un certificat de situation administrative de moins de 15 jours.",
    },
    {
        "term": "e-photo",
        "variants": ["code e-photo", "codes e-photo", "photo signature numérique"],
        # Source: service-public.fr, « Photo d'identité » — photographers and booths certified by France Titres.
        "definition": "Code écrit sur une planche de photos d'identité faite dans une cabine ou chez un photographe "
        "agréés. Le site le demande à la place d'une photo.",
        "example": "Pour refaire votre permis, tapez le code e-photo de votre photo.",
    },
    {
        "term": "titre de séjour",
        "variants": ["titres de séjour", "carte de séjour", "cartes de séjour"],
        "definition": "Document qui permet à une personne étrangère de vivre en France pendant une durée donnée.",
        "example": "Votre titre de séjour se renouvelle en ligne, sur le site de l'ANEF.",
    },
    {
        "term": "ANEF",
        "variants": ["Administration numérique des étrangers en France"],
        "definition": "Le site du ministère de l'Intérieur pour les demandes de titre de séjour.",
        "example": "Sur le site de l'ANEF, vous créez un compte avec votre adresse électronique.",
    },
    {
        "term": "attestation de prolongation d'instruction",
        "variants": ["attestations de prolongation d'instruction"],
        "definition": "Document donné quand votre demande de titre de séjour est complète et que l'étude dure après "
        "la fin du titre. Il prouve que vous êtes en règle pendant l'attente.",
        "example": "Montrez l'attestation de prolongation d'instruction à votre employeur.",
    },
    {
        "term": "préfecture",
        "variants": ["préfectures", "sous-préfecture"],
        "definition": "Le service de l'État dans votre département. Il étudie par exemple les demandes de titre de "
        "séjour.",
        "example": "La préfecture peut vous demander un document de plus.",
    },
    {
        "term": "prime d'activité",
        "variants": ["primes d'activité"],
        # Source: service-public.fr F2882 « Prime d'activité ».
        "definition": "Aide de la CAF ou de la MSA pour les personnes qui travaillent et gagnent peu. Elle est "
        "versée chaque mois.",
        "example": "Avec un mi-temps au SMIC, vous avez peut-être droit à la prime d'activité.",
    },
    {
        "term": "RSA",
        "variants": ["revenu de solidarité active"],
        # Source: service-public.fr N19775 « Revenu de solidarité active (RSA) ».
        "definition": "Le revenu de solidarité active. C'est une aide pour les personnes qui ont peu ou pas de "
        "ressources. On le demande à la CAF ou à la MSA.",
        "example": "Avec le RSA, vous êtes accompagné par France Travail.",
    },
    {
        "term": "contrat d'engagement",
        "variants": ["contrats d'engagement"],
        # Source: service-public.fr, loi pour le plein emploi (1 January 2025).
        "definition": "Accord signé avec votre conseiller quand vous touchez le RSA. Il dit ce que vous faites pour "
        "retrouver un emploi.",
        "example": "Le contrat d'engagement peut prévoir une formation.",
    },
    {
        "term": "aide au logement",
        "variants": ["aides au logement", "APL", "aide personnalisée au logement", "ALS", "ALF"],
        # Source: service-public.fr F12006 « Aide personnalisée au logement (APL) ».
        "definition": "Aide de la CAF ou de la MSA pour payer une partie du loyer. Son montant dépend de vos "
        "ressources et du loyer.",
        "example": "Après un déménagement, demandez l'aide au logement le mois même.",
    },
    {
        "term": "bail",
        "variants": ["baux", "contrat de location"],
        "definition": "Le contrat signé avec le propriétaire quand vous louez un logement.",
        "example": "La CAF peut vous demander votre bail.",
    },
    {
        "term": "bailleur",
        "variants": ["bailleurs", "bailleur social", "bailleurs sociaux"],
        "definition": "La personne ou la société qui vous loue le logement. On dit aussi « propriétaire ».",
        "example": "L'aide au logement peut être versée directement au bailleur.",
    },
    {
        "term": "ressources",
        "variants": [],
        "definition": "Tout l'argent que vous recevez. Par exemple les salaires, les allocations ou une pension.",
        "example": "La CAF calcule vos aides avec vos ressources.",
    },
    {
        "term": "pension",
        "variants": ["pensions", "pension de retraite"],
        "definition": "Somme versée chaque mois, par exemple la retraite. Une pension d'invalidité ou une pension "
        "alimentaire sont d'autres exemples.",
        "example": "Chaque caisse de retraite vous dit le montant de votre pension.",
    },
    {
        "term": "prestation",
        "variants": ["prestations"],
        "definition": "Une aide versée par un organisme, par exemple par la CAF.",
        "example": "Sur caf.fr, choisissez « Faire une demande de prestation ».",
    },
    {
        "term": "domicile",
        "variants": [],
        "definition": "L'endroit où vous habitez.",
        "example": "Une facture d'électricité prouve votre domicile.",
    },
    {
        "term": "plainte",
        "variants": ["plaintes", "porter plainte", "récépissé de plainte"],
        "definition": "Déclaration faite à la police ou à la gendarmerie quand vous êtes victime, par exemple d'un "
        "vol.",
        "example": "Après le vol de votre permis, gardez le papier donné au commissariat.",
    },
    {
        "term": "récépissé",
        "variants": ["récépissés"],
        "definition": "Papier qui prouve que vous avez fait une démarche ou déposé un document.",
        "example": "Après une déclaration de vol, la police vous donne un récépissé.",
    },
    {
        "term": "empreintes",
        "variants": ["empreintes digitales", "empreinte"],
        "definition": "Les dessins du bout de vos doigts. La mairie les enregistre pour un passeport ou une carte "
        "d'identité.",
        "example": "Vous devez venir en personne, car la mairie prend vos empreintes.",
    },
    {
        "term": "complémentaire santé",
        "variants": ["complémentaires santé", "mutuelle", "mutuelles"],
        "definition": "Assurance qui paie tout ou partie des soins que l'Assurance Maladie ne rembourse pas.",
        "example": "Votre employeur vous propose peut-être une complémentaire santé.",
    },
    {
        "term": "complémentaire santé solidaire",
        "variants": ["C2S"],
        # Source: ameli.fr, « Complémentaire santé solidaire »; service-public.fr F10027.
        "definition": "Complémentaire santé gratuite, ou à moins de 1 € par jour et par personne. Elle est pour les "
        "personnes qui ont de petites ressources.",
        "example": "Avec le RSA, la complémentaire santé solidaire est gratuite.",
    },
    {
        "term": "France Identité",
        "variants": ["application France Identité"],
        # Source: france-identite.gouv.fr — works with the identity card in bank card format.
        "definition": "Application de l'État qui met votre carte d'identité dans votre téléphone. Il faut la carte "
        "d'identité au format carte bancaire.",
        "example": "France Identité peut servir à activer l'application carte Vitale.",
    },
    {
        "term": "prélèvement à la source",
        "variants": ["taux de prélèvement"],
        # Source: impots.gouv.fr, « Le prélèvement à la source ».
        "definition": "Votre impôt sur le revenu est pris chaque mois sur votre salaire ou votre pension. Le taux "
        "vient de votre dernière déclaration.",
        "example": "Vos revenus baissent ? Actualisez votre taux de prélèvement à la source.",
    },
    {
        "term": "messagerie sécurisée",
        "variants": ["messageries sécurisées"],
        "definition": "Messagerie dans votre espace sur un site officiel. Elle garde vos questions et les réponses.",
        "example": "Écrivez aux impôts par la messagerie sécurisée de votre espace.",
    },
    {
        "term": "relevé de carrière",
        "variants": ["relevés de carrière", "relevé individuel de situation"],
        # Source: info-retraite.fr, « Mon relevé de carrière ».
        "definition": "Liste de vos années de travail et de vos trimestres de retraite. Vous la voyez sur "
        "info-retraite.fr.",
        "example": "Vérifiez votre relevé de carrière avant de demander votre retraite.",
    },
    {
        "term": "trimestre",
        "variants": ["trimestres"],
        "definition": "Pour la retraite, une unité qui compte votre travail. On en gagne au plus 4 par an.",
        "example": "Une année à 0 trimestre sur le relevé est peut-être un oubli.",
    },
    {
        "term": "demandeur d'emploi",
        "variants": ["demandeurs d'emploi", "demandeuse d'emploi"],
        "definition": "Personne inscrite à France Travail pour chercher un travail.",
        "example": "Un demandeur d'emploi s'actualise chaque mois.",
    },
    {
        "term": "allocation",
        "variants": ["allocations", "allocation chômage", "allocations chômage"],
        "definition": "Somme d'argent versée par un organisme, par exemple France Travail ou la CAF.",
        "example": "Sans actualisation, vos allocations s'arrêtent.",
    },
    {
        "term": "logement social",
        "variants": ["logements sociaux", "HLM"],
        # Source: service-public.fr F869 « Demande de logement social ».
        "definition": "Logement loué moins cher, pour les personnes qui ont des ressources modestes. La demande "
        "est gratuite.",
        "example": "La demande de logement social se renouvelle chaque année.",
    },
    {
        "term": "Mon Espace Santé",
        "variants": ["espace santé"],
        # Source: monespacesante.fr.
        "definition": "Site et application gratuits de l'Assurance Maladie et de l'État. Ils gardent vos documents "
        "de santé. Vous choisissez qui peut les voir.",
        "example": "Votre médecin peut déposer une analyse dans Mon Espace Santé.",
    },
    # The chèque énergie and what to do after a scam (issue 13).
    {
        "term": "fournisseur d'énergie",
        "variants": [
            "fournisseurs d'énergie",
            "fournisseur d'électricité",
            "fournisseurs d'électricité",
            "fournisseur de gaz",
        ],
        "definition": "L'entreprise qui vous vend l'électricité, le gaz ou le fioul. Son nom est écrit sur vos "
        "factures.",
        "example": "Le chèque énergie sert à payer votre fournisseur d'énergie.",
    },
    {
        "term": "point de livraison",
        "variants": ["numéro de point de livraison", "PDL"],
        # Source: https://www.enedis.fr — the 14-digit number of the home's electricity meter, printed on the bills.
        "definition": "Le numéro du compteur d'électricité de votre logement. Il a 14 chiffres. Il est écrit sur "
        "vos factures d'électricité.",
        "example": "Votre attestation de contrat d'électricité montre le point de livraison.",
    },
    {
        "term": "pré-affectation",
        "variants": ["préaffectation"],
        # Source: https://chequeenergie.gouv.fr
        "definition": "Un choix fait une seule fois. Ensuite, votre chèque énergie va chaque année tout seul chez "
        "votre fournisseur.",
        "example": "Demandez la pré-affectation sur chequeenergie.gouv.fr.",
    },
    {
        "term": "numéro de client",
        "variants": ["numéros de client", "référence client", "références client"],
        "definition": "Le numéro qui vous identifie chez une entreprise, par exemple votre fournisseur "
        "d'électricité. Il est écrit sur vos factures.",
        "example": "Écrivez votre numéro de client au dos du chèque énergie.",
    },
    {
        "term": "opposition",
        "variants": ["faire opposition", "numéro d'opposition", "oppositions"],
        # Source: https://www.service-public.fr/particuliers/vosdroits/F2286
        "definition": "Demande à votre banque de bloquer votre carte bancaire. Ensuite, personne ne peut plus payer "
        "avec.",
        "example": "Un achat inconnu sur votre compte ? Faites opposition tout de suite.",
    },
    {
        "term": "escroquerie",
        "variants": ["escroqueries", "escroc", "escrocs"],
        "definition": "Une arnaque qui vous trompe pour prendre votre argent ou vos informations. La loi la punit.",
        "example": "Un faux site de vente est une escroquerie.",
    },
    {
        "term": "signalement",
        "variants": ["signalements"],
        "definition": "Un message qui prévient un service d'une arnaque ou d'un contenu interdit. Ce n'est pas une "
        "plainte.",
        "example": "Transférer un faux SMS au 33700 est un signalement.",
    },
    {
        "term": "17Cyber",
        "variants": ["17 Cyber"],
        # Source: https://www.17cyber.gouv.fr (December 2024).
        "definition": "Le site de la police, de la gendarmerie et de cybermalveillance.gouv.fr pour les victimes "
        "d'arnaques sur internet. Il répond jour et nuit.",
        "example": "Sur 17cyber.gouv.fr, répondez aux questions pour savoir quoi faire.",
    },
    {
        "term": "Perceval",
        "variants": [],
        # Source: https://www.service-public.fr/particuliers/vosdroits/R46526
        "definition": "Le service en ligne pour signaler un achat fait avec votre carte bancaire, sans vous. Il est "
        "sur service-public.fr.",
        "example": "Sur Perceval, vous donnez le numéro d'opposition de votre carte.",
    },
    {
        "term": "THESEE",
        "variants": [],
        # Source: https://www.service-public.fr (« Arnaque sur internet »).
        "definition": "Le service pour porter plainte en ligne après une escroquerie sur internet. On y entre avec "
        "FranceConnect.",
        "example": "Après un faux site de vente, portez plainte sur THESEE.",
    },
    {
        "term": "Pharos",
        "variants": [],
        # Source: https://www.internet-signalement.gouv.fr
        "definition": "Le site de la police pour signaler un contenu interdit sur internet. Par exemple des menaces "
        "ou des appels à la haine.",
        "example": "Une page publie des menaces ? Signalez-la sur Pharos.",
    },
]


def forms(entry):
    return [fold(form) for form in [entry["term"], *entry["variants"]]]


def merged(base):
    """The base glossary followed by the entries above that it lacks, each without a form already used."""
    used = {form for entry in base for form in forms(entry)}
    result = list(base)
    for entry in GLOSSARY_MORE:
        if fold(entry["term"]) in used:
            continue
        variants = [variant for variant in entry["variants"] if fold(variant) not in used]
        result.append({**entry, "variants": variants})
        used.update(forms({**entry, "variants": variants}))
    return result
