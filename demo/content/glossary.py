"""Words of administrative and digital French, explained plainly. Variants: plurals, acronyms, other spellings."""

GLOSSARY = [
    {
        "term": "numéro fiscal",
        "variants": ["numéros fiscaux", "numéro d'identification fiscale"],
        "definition": "Numéro de 13 chiffres qui vous identifie auprès des impôts. Il sert d'identifiant pour vous "
        "connecter à votre espace sur impots.gouv.fr.",
        "example": "Votre numéro fiscal est en haut à gauche de la première page de votre avis d'impôt.",
    },
    {
        "term": "avis d'imposition",
        "variants": ["avis d'impôt", "avis d'impôts", "avis de non-imposition", "avis d'impôt sur le revenu"],
        "definition": "Document envoyé chaque été par les impôts. Il dit combien vous devez payer, ou que vous ne "
        "payez pas d'impôt. Beaucoup d'organismes le demandent pour calculer vos aides.",
        "example": "La CAF ou un bailleur social peuvent vous demander votre dernier avis d'imposition.",
    },
    {
        "term": "numéro de sécurité sociale",
        "variants": ["NIR", "numéros de sécurité sociale", "numéro de Sécu", "numéro d'assuré social"],
        # https://www.ameli.fr and https://www.insee.fr (« NIR »): given at birth, or a provisional number on arrival
        # in France until the final one; modified in rare cases, such as a change of sex at the civil status.
        "definition": "Numéro de 15 chiffres (13 chiffres et une clé de 2 chiffres) qui vous identifie auprès de "
        "l'Assurance Maladie. On l'appelle aussi NIR. Il vous suit toute la vie, sauf rares cas comme un "
        "changement de sexe à l'état civil.",
        "example": "Il est écrit sur votre carte Vitale et sur vos bulletins de salaire.",
    },
    {
        "term": "attestation de droits",
        "variants": ["attestations de droits", "attestation de sécurité sociale", "attestation de droits ameli"],
        "definition": "Document de l'Assurance Maladie qui prouve que vous avez droit au remboursement des soins. "
        "Vous pouvez la télécharger dans votre compte ameli.",
        "example": "L'hôpital vous demande une attestation de droits si vous n'avez pas votre carte Vitale.",
    },
    {
        "term": "identifiant",
        "variants": ["identifiants", "nom d'utilisateur", "login"],
        "definition": "Ce qui dit au site qui vous êtes quand vous vous connectez. C'est souvent votre adresse "
        "électronique ou un numéro. On le donne avec un mot de passe.",
        "example": "Sur impots.gouv.fr, l'identifiant est votre numéro fiscal.",
    },
    {
        "term": "mot de passe",
        "variants": ["mots de passe", "code confidentiel", "codes confidentiels"],
        "definition": "Suite secrète de lettres, chiffres et signes qui protège un compte. Elle ne se donne à "
        "personne, même pas à un conseiller ou à quelqu'un qui dit appeler de votre banque.",
        "example": "Un bon mot de passe a au moins 12 caractères et n'est utilisé que pour un seul compte.",
    },
    {
        "term": "RIB",
        "variants": ["relevé d'identité bancaire", "relevés d'identité bancaire", "RIBs"],
        "definition": "Document de votre banque avec les informations de votre compte (dont l'IBAN). Il permet "
        "de recevoir de l'argent sur ce compte. Il ne permet pas de payer à votre place.",
        "example": "La CAF a besoin de votre RIB pour vous verser vos aides.",
    },
    {
        "term": "IBAN",
        "variants": ["IBANs", "numéro IBAN"],
        "definition": "Numéro international de votre compte bancaire. Il commence par FR76 pour un compte en "
        "France. Il est écrit sur votre RIB.",
        "example": "Pour créer votre compte ameli, on peut vous demander une partie de votre IBAN.",
    },
    {
        "term": "justificatif de domicile",
        "variants": ["justificatifs de domicile", "preuve d'adresse", "justificatif d'adresse"],
        "definition": "Document récent qui prouve où vous habitez. Par exemple, une facture d'électricité ou de "
        "téléphone, une quittance de loyer ou un avis d'impôt. On demande souvent qu'il ait moins d'un an.",
        "example": "Pour une carte d'identité, apportez un justificatif de domicile de moins d'un an.",
    },
    {
        "term": "FranceConnect",
        "variants": ["France Connect", "FranceConnect+"],
        # https://franceconnect.gouv.fr: FranceConnect+ is the stronger version asked by sensitive procedures.
        "definition": "Bouton présent sur de nombreux sites publics. Il permet d'entrer avec un compte que vous "
        "avez déjà, comme impots.gouv ou ameli. Certaines démarches sensibles demandent FranceConnect+, une "
        "version plus sûre.",
        "example": "Sur caf.fr, cliquez sur « S'identifier avec FranceConnect » et choisissez votre compte ameli.",
    },
    {
        "term": "pré-demande",
        "variants": ["pré-demandes", "prédemande", "prédemandes", "numéro de pré-demande"],
        "definition": "Formulaire rempli en ligne avant d'aller en mairie pour une carte d'identité ou un "
        "passeport. Il donne un numéro à présenter le jour du rendez-vous. Sur ants.gouv.fr, le site de France "
        "Titres, il est gratuit.",
        "example": "Notez votre numéro de pré-demande ou imprimez le QR code.",
    },
    {
        "term": "courriel",
        "variants": [
            "courriels",
            "e-mail",
            "e-mails",
            "email",
            "emails",
            "mail",
            "mails",
            "adresse électronique",
            "adresses électroniques",
            "adresse mail",
            "adresse e-mail",
            "message électronique",
        ],
        "definition": "Message envoyé par internet, d'une adresse électronique à une autre. Une adresse "
        "électronique s'écrit avec un @ (arobase), comme prenom.nom@exemple.fr.",
        "example": "La CAF vous envoie un courriel quand un nouveau document est dans votre compte.",
    },
    {
        "term": "pièce jointe",
        "variants": ["pièces jointes", "PJ", "fichier joint", "fichiers joints", "document joint"],
        "definition": "Fichier (photo, document PDF…) envoyé avec un courriel. On l'ajoute avec le bouton en forme "
        "de trombone.",
        "example": "Envoyez votre justificatif en pièce jointe.",
    },
    {
        "term": "navigateur",
        "variants": ["navigateurs", "navigateur internet", "navigateur web"],
        "definition": "Application qui sert à aller sur les sites internet. Exemples : Chrome, Firefox, Edge, Safari.",
        "example": "Ouvrez votre navigateur, puis tapez l'adresse du site dans la barre en haut.",
    },
    {
        "term": "barre d'adresse",
        "variants": ["barres d'adresse"],
        "definition": "Zone en haut du navigateur où s'écrit l'adresse du site. C'est là qu'on vérifie qu'on est "
        "sur le vrai site, par exemple ameli.fr.",
        "example": "Tapez impots.gouv.fr dans la barre d'adresse, puis appuyez sur Entrée.",
    },
    {
        "term": "lien",
        "variants": ["liens", "lien hypertexte"],
        "definition": "Texte ou image sur lequel on clique pour aller vers une autre page. Sur un ordinateur, la "
        "flèche de la souris devient une petite main au-dessus d'un lien.",
        "example": "Ne cliquez pas sur un lien reçu par SMS si vous n'êtes pas sûr de l'expéditeur.",
    },
    {
        "term": "onglet",
        "variants": ["onglets"],
        "definition": "Dans un navigateur, chaque page ouverte a son onglet, en haut de l'écran. On passe d'une "
        "page à l'autre en cliquant sur les onglets.",
        "example": "Le site des impôts s'est ouvert dans un nouvel onglet. Cliquez dessus pour y revenir.",
    },
    {
        "term": "télécharger",
        "variants": [
            "téléchargez",
            "téléchargé",
            "téléchargée",
            "téléchargés",
            "téléchargement",
            "téléchargements",
        ],
        "definition": "Copier un fichier d'internet sur votre ordinateur ou votre téléphone. Sur un ordinateur, "
        "le fichier va souvent dans le dossier « Téléchargements ».",
        "example": "Téléchargez votre attestation de droits pour l'envoyer à l'hôpital.",
    },
    {
        "term": "espace personnel",
        "variants": ["espaces personnels", "espace particulier", "compte en ligne", "comptes en ligne"],
        "definition": "Partie d'un site réservée à vous, où l'on entre avec un identifiant et un mot de passe. On "
        "y trouve ses documents, ses messages et ses démarches.",
        "example": "Votre avis d'impôt est dans votre espace particulier sur impots.gouv.fr.",
    },
    {
        "term": "code de confirmation",
        "variants": [
            "codes de confirmation",
            "code de vérification",
            "codes de vérification",
            "code à usage unique",
        ],
        "definition": "Code de quelques chiffres envoyé par SMS ou par courriel pour vérifier que c'est bien vous. "
        "Il ne sert qu'une fois, pendant quelques minutes. Ne le donnez jamais à quelqu'un.",
        "example": "Tapez le code de confirmation reçu par SMS dans la case du site.",
    },
    {
        "term": "double authentification",
        "variants": ["validation en deux étapes", "vérification en deux étapes", "double vérification"],
        "definition": "Le site demande, en plus du mot de passe, un code envoyé sur votre téléphone. Un voleur qui "
        "connaît seulement votre mot de passe a alors du mal à entrer. Mais si vous lui donnez le code, il entre.",
        "example": "Activez la double authentification sur votre messagerie.",
    },
    {
        "term": "déclaration trimestrielle",
        "variants": [
            "déclarations trimestrielles",
            "déclaration trimestrielle de ressources",
            "déclarations trimestrielles de ressources",
            "DTR",
        ],
        "definition": "Déclaration de vos ressources, tous les 3 mois, pour le RSA ou la prime d'activité. "
        "Elle se fait à la CAF ou à la MSA et sert à calculer vos aides. Même sans revenu, il faut la faire.",
        "example": "Depuis 2025, une partie de votre déclaration trimestrielle est déjà remplie. Vérifiez-la.",
    },
    {
        "term": "montant net social",
        "variants": ["net social"],
        "definition": "Montant écrit sur votre bulletin de salaire et sur vos relevés de prestations. C'est lui "
        "qu'on déclare à la CAF pour le RSA et la prime d'activité.",
        "example": "Recopiez le montant net social de votre bulletin de salaire, pas le salaire brut.",
    },
    {
        "term": "hameçonnage",
        "variants": ["phishing", "hameçonnages", "faux message", "faux messages"],
        "definition": "Arnaque par un faux SMS, un faux courriel ou un faux appel. Il imite un organisme connu pour "
        "voler vos codes, vos papiers ou votre carte bancaire.",
        "example": "Un SMS « Votre colis est bloqué, payez 1,99 € » est un hameçonnage très courant.",
    },
    {
        "term": "carte Vitale",
        "variants": ["cartes Vitale", "appli carte Vitale"],
        "definition": "Carte verte et jaune de l'Assurance Maladie. On la donne chez le médecin ou à la pharmacie "
        "pour être remboursé plus vite. Votre numéro de sécurité sociale y est écrit.",
        "example": "La carte Vitale n'a pas de date de fin. Un SMS qui dit qu'elle « expire » est une arnaque.",
    },
    {
        "term": "numéro d'allocataire",
        "variants": ["numéros d'allocataire", "numéro allocataire", "numéro CAF"],
        "definition": "Numéro qui vous identifie auprès de la CAF. Il sert à vous connecter à votre compte sur "
        "caf.fr. Il est écrit sur les courriers de la CAF.",
        "example": "Gardez votre numéro d'allocataire avec vos papiers importants.",
    },
    {
        "term": "identifiant France Travail",
        "variants": ["identifiants France Travail", "identifiant Pôle emploi"],
        "definition": "Numéro donné à votre inscription à France Travail. Avec votre mot de passe, il sert à vous "
        "connecter à votre espace, par exemple pour vous actualiser chaque mois.",
        "example": "Votre identifiant France Travail est écrit sur les courriers de France Travail.",
    },
    {
        "term": "actualisation",
        "variants": ["s'actualiser", "actualiser", "actualisez-vous", "actualisations"],
        "definition": "Chaque mois, les inscrits à France Travail disent s'ils ont travaillé et s'ils cherchent "
        "toujours un emploi. Sans actualisation, on peut être désinscrit.",
        "example": "Faites votre actualisation même si rien n'a changé ce mois-ci.",
    },
    {
        "term": "timbre fiscal",
        "variants": ["timbres fiscaux", "timbre fiscal électronique", "timbres fiscaux électroniques"],
        "definition": "Taxe à payer pour certains papiers, par exemple une carte d'identité perdue ou volée "
        "(25 €). On l'achète en ligne ou chez un buraliste.",
        "example": "Le timbre fiscal électronique s'achète sur timbres.impots.gouv.fr.",
    },
    {
        "term": "numéro de suivi",
        "variants": ["numéros de suivi", "numéro de colis"],
        "definition": "Suite de chiffres et de lettres donnée à l'envoi d'un colis ou d'une lettre suivie. Elle "
        "permet de savoir où est l'envoi.",
        "example": "Tapez le numéro de suivi sur laposte.fr pour savoir où est votre colis.",
    },
    {
        "term": "captcha",
        "variants": ["captchas"],
        "definition": "Petit test pour prouver que vous n'êtes pas un robot : cocher une case, recopier des "
        "lettres ou choisir des images.",
        "example": "Cochez la case « Je ne suis pas un robot » avant de valider.",
    },
    {
        "term": "application",
        "variants": ["applications", "appli", "applis"],
        "definition": "Programme installé sur un téléphone ou un ordinateur pour faire une chose précise : "
        "messagerie, appareil photo, compte ameli… On les installe depuis le magasin d'applications.",
        "example": "L'application ameli permet de voir vos remboursements sur votre téléphone.",
    },
    {
        "term": "notification",
        "variants": ["notifications"],
        "definition": "Petit message qui apparaît sur l'écran pour prévenir d'une nouveauté : un SMS, un "
        "courriel, un rendez-vous.",
        "example": "Une notification vous prévient qu'un document est arrivé dans votre compte.",
    },
    {
        "term": "clé USB",
        "variants": ["clés USB", "clef USB"],
        "definition": "Petit objet qu'on branche sur un ordinateur pour y garder des fichiers et les emporter.",
        "example": "Enregistrez votre CV sur une clé USB pour l'imprimer à la médiathèque.",
    },
    {
        "term": "scanner",
        "variants": ["scanners", "scanneur", "numériser", "scan"],
        "definition": "Appareil qui transforme un papier en fichier sur l'ordinateur. Un téléphone peut aussi "
        "« scanner » un document avec son appareil photo.",
        "example": "Scannez votre justificatif de domicile pour l'envoyer en pièce jointe.",
    },
    {
        "term": "wifi",
        "variants": ["Wi-Fi", "wifis"],
        "definition": "Connexion à internet sans fil, par une box à la maison ou dans un lieu public. Elle "
        "n'utilise pas votre forfait mobile.",
        "example": "La clé du wifi est écrite sur l'étiquette de votre box.",
    },
    {
        "term": "SMS",
        "variants": ["texto", "textos"],
        "definition": "Message écrit envoyé d'un téléphone portable à un autre. Les sites envoient souvent un code "
        "par SMS pour vérifier que c'est bien vous.",
        "example": "Transférez les faux SMS au 33700, c'est gratuit.",
    },
    {
        "term": "revenu fiscal de référence",
        "variants": ["RFR", "revenus fiscaux de référence"],
        "definition": "Montant écrit sur votre avis d'impôt. Il sert à savoir si vous avez droit à certaines aides "
        "ou réductions.",
        "example": "Pour créer votre espace sur impots.gouv.fr, on vous demande votre revenu fiscal de référence.",
    },
    {
        "term": "numéro d'accès en ligne",
        "variants": ["numéros d'accès en ligne"],
        "definition": "Numéro de 7 caractères écrit sur votre avis d'impôt. Il sert une seule fois, pour créer "
        "votre espace sur impots.gouv.fr.",
        "example": "Votre numéro d'accès en ligne est sous votre numéro fiscal, sur votre dernier avis d'impôt.",
    },
    {
        "term": "QR code",
        "variants": ["QR codes", "code QR", "codes QR"],
        "definition": "Carré de petits dessins noirs et blancs qu'on lit avec l'appareil photo d'un téléphone. Il "
        "contient une information : un numéro, une adresse de site…",
        "example": "À la mairie, l'agent lit le QR code de votre pré-demande.",
    },
    {
        "term": "courrier indésirable",
        "variants": ["courriers indésirables", "indésirables", "spam", "spams"],
        "definition": "Dossier de la messagerie où arrivent les messages publicitaires ou suspects. Un vrai "
        "message y arrive parfois par erreur. Pensez à y regarder.",
        "example": "Vous n'avez pas reçu le courriel de confirmation ? Regardez dans les indésirables.",
    },
    {
        "term": "se déconnecter",
        "variants": ["déconnexion", "déconnectez-vous"],
        "definition": "Fermer l'accès à votre compte sur un site. À faire à chaque fois sur un ordinateur partagé, "
        "pour que la personne suivante n'entre pas dans votre compte.",
        "example": "Quand vous avez fini, cliquez sur « Se déconnecter ».",
    },
    # Everyday words of the screens and of the procedures (issue 12): asked for by residents who stop on them.
    {
        "term": "paramètres",
        "variants": ["paramètre", "réglages", "réglage", "Paramètres du téléphone"],
        "definition": "Menu où l'on règle un téléphone, un ordinateur ou une application : le wifi, le son, la "
        "taille du texte… Son symbole est souvent une roue dentée.",
        "example": "Sur un téléphone, touchez « Paramètres » puis « Wi-Fi ».",
    },
    {
        "term": "réseau",
        "variants": ["réseaux", "réseau wifi", "réseaux wifi", "réseau mobile"],
        "definition": "Ce qui relie votre appareil à internet. C'est le wifi d'une box, ou le réseau mobile de "
        "votre opérateur. Un réseau wifi a un nom et souvent une clé pour y entrer.",
        "example": "Dans la liste des réseaux, choisissez celui écrit sous votre box.",
    },
    {
        "term": "réseaux sociaux",
        "variants": ["réseau social"],
        "definition": "Sites et applications où l'on partage des messages et des photos avec d'autres personnes : "
        "Facebook, Instagram, TikTok…",
        "example": "Ne publiez pas votre adresse ni vos papiers sur les réseaux sociaux.",
    },
    {
        "term": "box",
        "variants": ["box internet", "boxes", "box wifi"],
        "definition": "Boîtier branché au téléphone de la maison, fourni par votre opérateur. Il donne internet "
        "à la maison, par un câble ou par le wifi.",
        "example": "Le nom du wifi et sa clé sont écrits sur l'étiquette de la box.",
    },
    {
        "term": "fichier",
        "variants": ["fichiers"],
        "definition": "Un document rangé dans un ordinateur ou un téléphone : une photo, une lettre, un PDF… "
        "Chaque fichier a un nom.",
        "example": "Votre avis d'impôt téléchargé est un fichier PDF.",
    },
    {
        "term": "données mobiles",
        "variants": ["données cellulaires", "4G", "5G", "forfait mobile", "internet mobile"],
        "definition": "Internet par le réseau de votre opérateur de téléphone, sans wifi. Il est compté dans "
        "votre forfait. Regardez combien il vous en reste.",
        "example": "Sans wifi, votre téléphone utilise ses données mobiles.",
    },
    {
        "term": "capture d'écran",
        "variants": ["captures d'écran", "copie d'écran", "copies d'écran"],
        "definition": "Une photo de ce qui est affiché sur l'écran, prise par l'appareil lui-même. Elle sert à "
        "garder une preuve ou à montrer un problème.",
        "example": "Faites une capture d'écran du message de confirmation.",
    },
    {
        "term": "compte",
        "variants": ["comptes"],
        "definition": "Votre place à votre nom sur un site ou une application. On y entre avec un identifiant "
        "et un mot de passe.",
        "example": "Créer un compte ameli permet de suivre ses remboursements.",
    },
    {
        "term": "compte bancaire",
        "variants": ["comptes bancaires", "compte en banque", "comptes en banque"],
        "definition": "Le compte où votre banque garde votre argent. Les aides et les salaires y sont versés.",
        "example": "Le RIB donne les informations de votre compte bancaire.",
    },
    {
        "term": "allocataire",
        "variants": ["allocataires"],
        "definition": "Personne qui reçoit des aides de la CAF ou de la MSA (aide au logement, RSA, prime "
        "d'activité…).",
        "example": "Chaque allocataire a un numéro d'allocataire.",
    },
    {
        "term": "attestation",
        "variants": ["attestations"],
        "definition": "Document officiel qui prouve quelque chose : vos droits, un paiement, un emploi… On le "
        "télécharge souvent dans son espace personnel.",
        "example": "Votre employeur vous donne une attestation à la fin de votre contrat.",
    },
    {
        "term": "justificatif",
        "variants": ["justificatifs", "pièce justificative", "pièces justificatives"],
        "definition": "Document qui prouve ce que vous dites : votre identité, votre adresse, vos revenus… Un "
        "organisme le demande pour traiter votre dossier.",
        "example": "La CAF peut demander un justificatif de vos revenus.",
    },
    # Administrative words used by the tutorials (issue 13): tests/learning/test_plain_french.py checks that each
    # one used in the seed is here.
    {
        "term": "ressources",
        "variants": ["ressource"],
        "definition": "Tout l'argent que vous recevez : salaires, allocations chômage, pensions, aides… La CAF "
        "les demande pour calculer vos droits.",
        "example": "Déclarez vos ressources des trois derniers mois.",
    },
    {
        "term": "pension",
        "variants": ["pensions", "pension de retraite", "pensions de retraite", "pension alimentaire"],
        "definition": "Somme versée chaque mois. La pension de retraite vient de votre caisse de retraite. La "
        "pension alimentaire est versée par un parent pour ses enfants.",
        "example": "Votre pension de retraite est écrite sur votre relevé de paiement.",
    },
    {
        "term": "prestation",
        "variants": ["prestations", "prestations sociales", "prestation sociale"],
        "definition": "Argent ou aide versés par un organisme, comme la CAF ou l'Assurance Maladie. Les "
        "allocations familiales sont une prestation.",
        "example": "Vos prestations sont versées sur votre compte bancaire.",
    },
    {
        "term": "quittance de loyer",
        "variants": ["quittances de loyer", "quittance", "quittances"],
        "definition": "Papier donné par le propriétaire qui prouve que vous avez payé votre loyer. Il sert de "
        "justificatif de domicile.",
        "example": "Demandez une quittance de loyer à votre propriétaire.",
    },
    {
        "term": "bailleur",
        "variants": ["bailleurs", "bailleur social", "bailleurs sociaux"],
        "definition": "La personne ou l'organisme qui vous loue votre logement. Un bailleur social loue des "
        "logements sociaux.",
        "example": "Votre bailleur peut vous demander votre avis d'impôt.",
    },
    {
        "term": "demandeur d'emploi",
        "variants": ["demandeurs d'emploi", "demandeuse d'emploi", "demandeuses d'emploi"],
        "definition": "Personne qui cherche un travail et qui est inscrite à France Travail.",
        "example": "Inscrivez-vous comme demandeur d'emploi sur francetravail.fr.",
    },
    {
        # https://ants.gouv.fr: the agency, formerly ANTS, is called France Titres since 2024; same address.
        "term": "France Titres",
        "variants": ["ANTS", "Agence nationale des titres sécurisés"],
        "definition": "Le service de l'État pour la carte d'identité, le passeport, le permis de conduire et la "
        "carte grise. On l'appelait avant l'ANTS. Son site est toujours ants.gouv.fr.",
        "example": "La pré-demande de carte d'identité se fait sur le site de France Titres.",
    },
    {
        "term": "carte grise",
        "variants": ["cartes grises", "certificat d'immatriculation", "certificats d'immatriculation"],
        "definition": "Le papier officiel d'une voiture ou d'une moto. Son vrai nom est « certificat "
        "d'immatriculation ». Les démarches se font en ligne sur ants.gouv.fr.",
        "example": "Vous déménagez ? Changez l'adresse de votre carte grise.",
    },
    {
        "term": "relevé de carrière",
        "variants": ["relevés de carrière", "relevé de situation individuelle"],
        "definition": "Document qui liste vos périodes de travail, de chômage ou de maladie. Il sert à calculer "
        "votre retraite.",
        "example": "Vérifiez votre relevé de carrière sur info-retraite.fr avant votre demande de retraite.",
    },
    {
        "term": "titre de séjour",
        "variants": ["titres de séjour", "carte de séjour", "cartes de séjour"],
        "definition": "Papier qui permet à une personne étrangère de vivre en France pendant une durée donnée.",
        "example": "Demandez le renouvellement de votre titre de séjour avant sa date de fin.",
    },
    {
        "term": "plainte",
        "variants": ["plaintes", "porter plainte", "déposer plainte", "dépôt de plainte"],
        "definition": "Démarche pour dire à la police, à la gendarmerie ou à la justice que vous êtes victime. "
        "Pour certaines arnaques sur internet, elle se fait en ligne.",
        "example": "Après une escroquerie sur internet, vous pouvez porter plainte en ligne avec THESEE.",
    },
    {
        "term": "RSA",
        "variants": ["revenu de solidarité active"],
        "definition": "Aide de la CAF ou de la MSA pour les personnes qui ont peu ou pas de ressources.",
        "example": "Avec le RSA, vous faites une déclaration trimestrielle.",
    },
    {
        "term": "prime d'activité",
        "variants": ["primes d'activité"],
        "definition": "Aide de la CAF ou de la MSA pour les personnes qui travaillent et gagnent peu.",
        "example": "Faites une simulation sur caf.fr pour savoir si vous avez droit à la prime d'activité.",
    },
    {
        "term": "complémentaire santé",
        "variants": ["complémentaires santé", "mutuelle", "mutuelles"],
        "definition": "Assurance qui rembourse la part des soins que l'Assurance Maladie ne paie pas.",
        "example": "Donnez votre carte de mutuelle à la pharmacie.",
    },
    {
        "term": "complémentaire santé solidaire",
        "variants": ["C2S"],
        "definition": "Complémentaire santé gratuite, ou à moins de 1 € par jour, pour les personnes aux "
        "ressources modestes. On la demande sur ameli.fr.",
        "example": "Avec la complémentaire santé solidaire, vous n'avancez pas les frais chez le médecin.",
    },
    {
        "term": "prélèvement à la source",
        "variants": ["prélèvements à la source"],
        "definition": "L'impôt sur le revenu est retiré chaque mois de votre salaire ou de votre pension. Son "
        "taux se change dans votre espace sur impots.gouv.fr.",
        "example": "Vos revenus baissent ? Changez le taux de votre prélèvement à la source.",
    },
    {
        # https://chequeenergie.gouv.fr: sent once a year by the State (ASP) to households with modest resources.
        "term": "chèque énergie",
        "variants": ["chèques énergie"],
        "definition": "Aide de l'État, envoyée une fois par an aux foyers modestes, pour payer l'électricité, le "
        "gaz ou le fioul. Le site officiel est chequeenergie.gouv.fr.",
        "example": "Le chèque énergie ne se demande jamais par SMS.",
    },
    {
        "term": "logement social",
        "variants": ["logements sociaux", "HLM"],
        "definition": "Logement au loyer plus bas, pour les foyers aux ressources modestes. La demande se fait "
        "en ligne ou au guichet.",
        "example": "Renouvelez chaque année votre demande de logement social.",
    },
    {
        "term": "aide au logement",
        "variants": ["aides au logement", "APL", "aide personnalisée au logement"],
        "definition": "Aide de la CAF ou de la MSA pour payer une partie de votre loyer.",
        "example": "Prévenez la CAF quand vous déménagez, pour votre aide au logement.",
    },
]
