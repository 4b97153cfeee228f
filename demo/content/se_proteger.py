"""Module « Se protéger en ligne »: strong passwords, fake messages (CAF, ameli, France Titres, parcels), and whom to
tell after a scam (issue 13: the bank, 17Cyber, 33700, signal-spam, Pharos, Perceval and THESEE)."""

from demo.content.build import (
    Right,
    account,
    check,
    document,
    equipment,
    link,
    p,
    scam,
    step,
    tip,
    ul,
    warning,
)

MODULE = {
    "slug": "se-proteger-en-ligne",
    "title": "Se protéger en ligne",
    "summary": "Choisissez des mots de passe solides. Reconnaissez les faux messages qui imitent la CAF, ameli ou "
    "un livreur de colis. Après une arnaque, sachez qui prévenir et comment porter plainte.",
    "objectives": [
        "Créer un mot de passe solide, différent pour chaque compte",
        "Reconnaître un faux SMS ou un faux courriel",
        "Vérifier l'adresse d'un site avant de taper ses codes",
        "Savoir quoi faire après une arnaque",
        "Signaler une arnaque et porter plainte en ligne",
    ],
    "level": "debutant",
    "duration_minutes": 65,
    "exclusion_type": "competence",
    "device": "any",
    "equipment": ["Un ordinateur ou un smartphone"],
    "operators": ["ameli", "caf", "ants", "la-poste", "impots", "franceconnect"],
    "procedures": [],
    "competences": ["4.1", "4.2", "6.1"],
    "tutorials": [
        {
            "slug": "creer-un-mot-de-passe-solide",
            "title": "Créer un mot de passe solide",
            "intro": "Un bon mot de passe protège votre argent, vos papiers et vos messages. Voici comment en créer "
            "un, facile à retenir et difficile à deviner.",
            "duration_minutes": 15,
            "checklist": [
                equipment("Un ordinateur ou un smartphone"),
                equipment("Un carnet, si vous voulez noter vos mots de passe (rangé chez vous)"),
            ],
            "steps": [
                step(
                    "Ce qu'il faut éviter",
                    p("N'utilisez jamais :")
                    + ul(
                        "votre prénom ou celui d'un proche ;",
                        "une date de naissance ;",
                        "le nom de votre animal ;",
                        "des suites simples comme 123456 ou azerty ;",
                        "le mot « motdepasse ».",
                    ),
                    quiz=check(
                        "Lequel de ces mots de passe est le plus facile à deviner ?",
                        [Right("Marie1985"), "Chaise-Orange-Tortue-Nuage-47", "Velo-Pluie-Citron-Lampe-82"],
                        "Un prénom et une année se devinent vite, surtout s'ils sont sur vos réseaux sociaux. Les "
                        "deux autres sont "
                        "des phrases de passe longues.",
                    ),
                ),
                step(
                    "Faire long avec une phrase de passe",
                    p(
                        "Mettez bout à bout 4 ou 5 mots sans lien entre eux. Ajoutez un chiffre et un signe. Par "
                        "exemple (n'utilisez pas celui-ci) : <b>Chaise-Orange-Tortue-Nuage-47</b>.",
                        "C'est long, donc difficile à deviner. Pour le retenir, imaginez la scène.",
                    ),
                    image="mot-de-passe.svg",
                    alt="Un cadenas, et une case Mot de passe remplie de points. Une jauge verte indique « 12 "
                    "caractères ou plus ». En dessous, il est écrit « un mot de passe par compte ».",
                    callouts=[
                        tip(
                            "Combien de caractères ?",
                            "Les spécialistes conseillent au moins 12 caractères, avec des majuscules, des "
                            "minuscules, des chiffres et des signes comme ! ou -. Une phrase de passe plus longue "
                            "est aussi une très bonne solution.",
                        )
                    ],
                ),
                step(
                    "Un mot de passe différent pour chaque compte",
                    p(
                        "Si un site se fait voler ses mots de passe, les voleurs les essaient partout. Avec un mot "
                        "de passe différent par compte, ils n'ouvrent qu'une porte.",
                        "Le plus important est celui de votre messagerie.",
                    ),
                    quiz=check(
                        "Vous avez un excellent mot de passe. Pouvez-vous l'utiliser pour tous vos comptes ?",
                        [
                            "Oui, s'il est très long",
                            "Oui, si j'ajoute le nom du site à la fin",
                            Right("Non, il faut un mot de passe différent par compte"),
                        ],
                        "Même excellent, un mot de passe volé sur un site ouvrirait tous les autres. Ajouter le "
                        "nom du site se devine facilement.",
                    ),
                ),
                step(
                    "Retenir ses mots de passe",
                    p(
                        "Vous pouvez utiliser un gestionnaire de mots de passe. C'est une application qui les "
                        "garde sous clé. Elle est protégée par un seul mot de passe principal.",
                        "Ou notez-les dans un carnet rangé chez vous. Jamais sur un papier collé à l'écran, ni "
                        "dans votre portefeuille.",
                    ),
                ),
                step(
                    "Ne jamais donner son mot de passe",
                    p(
                        "Aucun organisme ne vous demande votre mot de passe par téléphone, par SMS ou par "
                        "courriel. C'est vrai pour votre banque, la CAF, l'Assurance Maladie et les impôts.",
                        "Même un conseiller qui vous aide n'en a pas besoin. Tapez-le vous-même.",
                    ),
                    callouts=[
                        scam(
                            "Le faux conseiller bancaire",
                            "« Bonjour, ici votre banque. Donnez-moi le code reçu par SMS pour bloquer une "
                            "fraude. » C'est une arnaque. Raccrochez, puis appelez votre banque "
                            "au numéro habituel.",
                        )
                    ],
                    quiz=check(
                        "Quelqu'un qui dit travailler à la CAF vous demande votre mot de passe au téléphone. Que "
                        "faites-vous ?",
                        [
                            "Je le donne, c'est la CAF",
                            "Je lui donne seulement mon numéro d'allocataire et le code reçu par SMS",
                            Right("Je refuse et je raccroche"),
                        ],
                        "La CAF ne demande jamais votre mot de passe. Vous pouvez rappeler la CAF au numéro "
                        "officiel, le 32 30.",
                    ),
                ),
                step(
                    "Ajouter la double authentification",
                    p(
                        "Beaucoup de sites proposent une vérification en deux étapes. En plus du mot de passe, "
                        "ils demandent un code envoyé sur votre téléphone.",
                        "Activez-la dans les réglages de votre compte, surtout pour votre messagerie.",
                        "Elle "
                        "rend le vol de votre compte plus difficile. Elle ne protège pas de tout. Si quelqu'un "
                        "vous demande ce code, c'est une arnaque.",
                    ),
                ),
                step(
                    "Mot de passe oublié ?",
                    p(
                        "Pas de panique. Sur la page de connexion, cliquez sur <b>Mot de passe oublié ?</b>.",
                        "Un lien ou un code arrive par courriel ou par SMS pour en choisir un nouveau.",
                    ),
                ),
            ],
        },
        {
            "slug": "reconnaitre-un-faux-message",
            "title": "Reconnaître un faux message",
            "intro": "Apprenez les signes d'une arnaque et quoi faire. Par exemple, un faux SMS de colis, un faux "
            "courriel d'ameli ou un faux site de carte d'identité.",
            "duration_minutes": 20,
            "checklist": [equipment("Votre téléphone ou votre messagerie")],
            "steps": [
                step(
                    "Les signes d'un faux message",
                    p("Méfiez-vous quand un message :")
                    + ul(
                        "vous presse (« dernier jour », « sous 24 h ») ou vous menace ;",
                        "demande un petit paiement (1 ou 2 €) ou votre carte bancaire ;",
                        "demande un code reçu par SMS ou un mot de passe ;",
                        "contient un lien vers un site inconnu ;",
                        "vient d'un numéro ou d'une adresse bizarre ;",
                        "contient des fautes.",
                    ),
                    image="faux-sms.svg",
                    alt="Un faux SMS dit « Colis bloqué ! Payez 1,99 € », avec un lien vers "
                    "suivi-colis-livr.info. À côté, les trois pièges : l'urgence, le paiement, le lien "
                    "bizarre. En rouge, « Ne cliquez pas ».",
                    callouts=[
                        scam(
                            "Le bon réflexe",
                            "Dans le doute, ne cliquez pas. Allez vous-même sur le site officiel en tapant son "
                            "adresse, ou appelez l'organisme.",
                        )
                    ],
                ),
                step(
                    "Le faux colis",
                    p(
                        "L'arnaque la plus courante dit « Votre colis n'a pas pu être livré, réglez les frais ».",
                        "Vous n'attendez pas de colis ? Supprimez le message. Vous en attendez un ? Ne cliquez "
                        "pas sur le lien. Tapez vous-même le numéro de suivi sur le site du transporteur, par "
                        "exemple laposte.fr.",
                    ),
                    callouts=[
                        scam(
                            "Des « frais de livraison » par SMS",
                            "Un colis déjà payé n'a pas de frais à régler par un lien dans un SMS. Vérifiez "
                            "toujours sur le site officiel, avec votre numéro de suivi.",
                        )
                    ],
                    quiz=check(
                        "Vous attendez un colis. Un SMS vous demande 1,99 € pour le livrer. Que faites-vous ?",
                        [
                            "Je paie, ce n'est pas cher",
                            Right("Je ne clique pas et je vérifie sur le site du transporteur"),
                            "Je réponds au SMS pour demander le nom du livreur",
                        ],
                        "Les arnaqueurs demandent un petit montant pour obtenir votre carte bancaire. Ensuite, "
                        "ils prennent beaucoup plus.",
                    ),
                ),
                step(
                    "Les faux messages d'ameli",
                    p(
                        "Des messages imitent l'Assurance Maladie. Ils disent par exemple « Votre carte Vitale "
                        "expire » ou « Un remboursement vous attend ».",
                        "Regardez l'adresse de l'expéditeur. Elle imite le vrai nom, avec une lettre changée ou "
                        "des mots en plus.",
                    ),
                    image="faux-courriel.svg",
                    alt="Un faux courriel au nom de l'Assurance Maladie. L'adresse de l'expéditeur, "
                    "ameIi-rembourse.com, est marquée « Faux site ». Elle n'est pas officielle. Le message "
                    "menace (« URGENT ! 24 h ») et son bouton « Ma carte bancaire » est marqué « Piège ».",
                    callouts=[
                        scam(
                            "L'Assurance Maladie ne demande jamais vos coordonnées bancaires par SMS",
                            "L'Assurance Maladie ne demande jamais votre carte bancaire ni votre mot de passe par SMS "
                            "ou par courriel.",
                            "La carte Vitale n'a pas de date de fin. Un message qui dit qu'elle « expire » est "
                            "une arnaque.",
                        )
                    ],
                    quiz=check(
                        "Un SMS dit : « Votre carte Vitale expire, commandez la nouvelle ici ». C'est…",
                        [
                            Right("Une arnaque, je supprime le SMS"),
                            "Un vrai message, je clique vite pour la commander",
                            "Un doute, je réponds au SMS pour vérifier",
                        ],
                        "La carte Vitale n'expire pas. Pour toute question, passez par votre compte ameli ou le "
                        "36 46.",
                    ),
                ),
                step(
                    "Les faux messages de la CAF",
                    p(
                        "Des messages imitent la CAF pour voler vos codes ou votre carte bancaire.",
                        "Ils disent "
                        "par exemple « La CAF vous doit un remboursement » ou « Mettez à jour votre dossier ».",
                    ),
                    callouts=[
                        scam(
                            "La CAF ne demande jamais vos codes",
                            "La CAF ne vous demande jamais votre mot de passe ni votre carte bancaire, par SMS, "
                            "courriel ou téléphone.",
                            "Pour vérifier, connectez-vous vous-même sur caf.fr ou dans l'application de la CAF.",
                        )
                    ],
                ),
                step(
                    "Les faux sites de carte d'identité et de permis",
                    p(
                        "Des sites payants imitent France Titres, le site officiel des papiers d'identité "
                        "(ants.gouv.fr). Ils font payer des dizaines d'euros pour une démarche "
                        "gratuite, ou bien moins chère sur le site officiel.",
                    ),
                    callouts=[
                        scam(
                            "La pré-demande est gratuite sur ants.gouv.fr",
                            "La pré-demande de carte d'identité ou de passeport est gratuite sur le site officiel, "
                            "ants.gouv.fr. Les sites de l'État se terminent par .gouv.fr.",
                        ),
                        warning(
                            "Pas toujours .gouv.fr",
                            "Certains sites officiels ne finissent pas par .gouv.fr : ameli.fr, caf.fr, "
                            "francetravail.fr, laposte.fr. Apprenez leur adresse exacte.",
                        ),
                    ],
                    quiz=check(
                        "Un site vous demande 49 € pour votre pré-demande de carte d'identité. C'est…",
                        [
                            "Le prix normal",
                            "Le prix d'un service plus rapide, proposé par la mairie",
                            Right("Un site non officiel, car la pré-demande est gratuite sur ants.gouv.fr"),
                        ],
                        "Sur ants.gouv.fr, la pré-demande ne coûte rien. Un timbre fiscal n'est demandé qu'en cas "
                        "de perte ou de vol.",
                    ),
                ),
                step(
                    "Vérifier l'adresse d'un site",
                    p(
                        "Avant de taper un code, regardez la <b>barre d'adresse</b> en haut du navigateur. Le nom du "
                        "site doit être exactement le bon : ameli.fr, pas ameli-remboursement.com.",
                    ),
                    image="navigateur-adresse.svg",
                    alt="Un navigateur. En haut, la barre d'adresse, en jaune, affiche https://www.ameli.fr avec un "
                    "petit cadenas. Une flèche montre qu'il faut vérifier le nom du site à cet endroit.",
                    callouts=[
                        warning(
                            # Chrome replaced the padlock in 2023:
                            # https://blog.chromium.org/2023/05/an-update-on-lock-icon.html
                            "Le cadenas ne prouve rien",
                            "Depuis 2023, Chrome n'affiche plus de cadenas à côté de l'adresse. Les faux sites ont "
                            "aussi une connexion protégée.",
                            "Seul le nom du site, dans la barre d'adresse, vous dit où vous êtes.",
                        )
                    ],
                    quiz=check(
                        "Quelle adresse est celle du vrai site de l'Assurance Maladie ?",
                        [
                            "https://ameli-remboursement.com",
                            Right("https://www.ameli.fr"),
                            "https://www.ameli.fr.securite-compte.info",
                        ],
                        "Le nom du site est juste avant le premier « / ». Dans la dernière adresse, le vrai nom "
                        "est securite-compte.info.",
                    ),
                ),
                step(
                    "Signaler et réagir",
                    ul(
                        # https://www.33700.fr — the free number for reporting scam SMS and calls
                        "Faux SMS : transférez-le gratuitement au <b>33700</b>, puis supprimez-le.",
                        f"Faux courriel : signalez-le sur {link('https://www.signal-spam.fr')}, puis supprimez-le.",
                        "Vous avez donné votre carte bancaire ? Appelez tout de suite votre banque pour faire "
                        "opposition.",
                        "Vous avez donné un mot de passe ? Changez-le tout de suite.",
                    )
                    + p(
                        # https://www.17cyber.gouv.fr — the police and gendarmerie's help for victims, since
                        # December 2024; it also gives the advice of cybermalveillance.gouv.fr.
                        "Pour savoir quoi faire et parler à un policier, jour et nuit : <b>17Cyber</b>, "
                        f"{link('https://www.17cyber.gouv.fr')}. Le tutoriel « Signaler une arnaque et porter "
                        "plainte » explique chaque démarche."
                    ),
                    callouts=[
                        tip(
                            "Ce n'est pas votre faute",
                            "Les arnaqueurs sont des professionnels. Parlez-en vite. Plus vous agissez tôt, plus "
                            "on peut limiter les dégâts.",
                        )
                    ],
                    quiz=check(
                        "Que faire d'un faux SMS ?",
                        [
                            "Y répondre « STOP »",
                            Right("Le transférer au 33700, puis le supprimer"),
                            "Cliquer sur le lien pour voir",
                        ],
                        "Le 33700 est le numéro gratuit de signalement des SMS frauduleux. Ne répondez pas, cela "
                        "confirme que votre numéro est actif.",
                    ),
                ),
            ],
        },
        {
            "slug": "signaler-une-arnaque-et-porter-plainte",
            "title": "Signaler une arnaque et porter plainte",
            "intro": "Vous avez reçu un faux message ? Vous avez perdu de l'argent ? Voici qui prévenir, dans le bon "
            "ordre. Les services de l'État qui vous aident sont gratuits.",
            "duration_minutes": 25,
            "checklist": [
                document("Les preuves de l'arnaque : messages, captures d'écran, relevés de compte"),
                account("FranceConnect, pour Perceval et THESEE"),
                equipment("Votre téléphone, pour appeler votre banque"),
            ],
            "steps": [
                step(
                    "Protéger votre argent tout de suite",
                    p(
                        "Vous avez donné votre carte bancaire ? Vous voyez un achat que vous n'avez pas fait ? "
                        "Appelez votre banque tout de suite.",
                        "Demandez l'opposition de la carte. Notez le numéro d'opposition que la banque vous donne.",
                        "Vous avez fait un virement à un escroc ? Dites-le aussi à la banque, sans attendre.",
                    ),
                    # Source: https://www.service-public.fr/particuliers/vosdroits/F2286 (« Perte ou vol de carte
                    # bancaire ») — opposition with the bank or the interbank line 0 892 705 705, every day, at any
                    # hour; the bank gives an opposition number.
                    callouts=[
                        tip(
                            "Le numéro pour faire opposition",
                            "Il est sur le site et dans l'application de votre banque. Vous pouvez aussi appeler le "
                            "0 892 705 705, à toute heure. L'appel est payant.",
                        ),
                        # Source: https://www.cybermalveillance.gouv.fr — after a first scam, fake bank advisers or
                        # fake police officers call to « help » and ask for codes or transfers.
                        scam(
                            "Un faux conseiller peut vous rappeler",
                            "Juste après une arnaque, un faux banquier ou un faux policier appelle parfois. Il dit "
                            "vouloir vous aider.",
                            "Il demande un code, un virement ou votre carte. Raccrochez et appelez vous-même votre "
                            "banque.",
                        ),
                    ],
                    quiz=check(
                        "Vous voyez sur votre compte un achat de 250 € que vous n'avez pas fait. Que faites-vous "
                        "d'abord ?",
                        [
                            "J'attends le relevé du mois prochain",
                            Right("J'appelle ma banque pour faire opposition"),
                            "Je porte plainte et je garde ma carte active",
                        ],
                        "L'opposition bloque la carte et empêche d'autres achats. Les signalements viennent juste "
                        "après.",
                    ),
                ),
                step(
                    "Garder les preuves",
                    p(
                        "Avant de supprimer quoi que ce soit, faites des captures d'écran. Gardez les messages, "
                        "l'annonce, le faux site et la conversation.",
                        "Notez aussi la date, le montant et le numéro ou l'adresse de l'escroc.",
                    ),
                    callouts=[
                        warning(
                            "Ne payez plus rien",
                            "L'escroc vous demande encore de l'argent pour « débloquer » la situation ? Ne payez "
                            "plus. Arrêtez de lui répondre.",
                        )
                    ],
                ),
                step(
                    "Demander conseil sur 17Cyber",
                    p(
                        "Vous ne savez pas quoi faire ? Tapez <b>17cyber.gouv.fr</b> dans la barre d'adresse.",
                        "Répondez à quelques questions sur ce qui vous est arrivé. Le site vous donne des conseils et "
                        "le bon service à prévenir.",
                        "Dans les cas graves, vous pouvez écrire à un policier ou à un gendarme, jour et nuit.",
                        "17Cyber est fait avec cybermalveillance.gouv.fr. Ce site garde aussi des fiches de conseils.",
                    ),
                    # Source: https://www.17cyber.gouv.fr — opened on 17 December 2024 by the Police, the Gendarmerie
                    # and cybermalveillance.gouv.fr: an online diagnosis, advice, a chat with a police officer or
                    # gendarme for the gravest cases, 24 hours a day; it points to Pharos, Perceval and THESEE.
                    image="signaler-arnaque.svg",
                    alt="Un tableau « Que s'est-il passé ? ». Faux SMS ou appel, 33700. Faux courriel, "
                    "signal-spam.fr. Achat sans vous, Perceval. Arnaque en ligne, THESEE. Contenu illégal, Pharos. "
                    "Un doute, 17cyber.gouv.fr.",
                    callouts=[
                        warning(
                            "En danger ? Appelez le 17",
                            "17Cyber est un site, pas un numéro de téléphone. En cas d'urgence ou de danger, "
                            "appelez le 17 ou le 112.",
                        )
                    ],
                    quiz=check(
                        "Vous avez cliqué sur un lien bizarre. Vous ne savez pas quoi faire. Où allez-vous ?",
                        [
                            "Sur le site indiqué dans le message",
                            Right("Sur 17cyber.gouv.fr, pour un diagnostic"),
                            "Nulle part, ce n'est pas grave",
                        ],
                        "17Cyber vous pose des questions. Il vous dit ensuite quoi faire et qui prévenir.",
                    ),
                ),
                step(
                    "Signaler les faux messages et les contenus illégaux",
                    p("Un signalement aide la police à bloquer les escrocs. Choisissez le bon service :")
                    + ul(
                        # https://www.33700.fr — forward a scam SMS to 33700; a nuisance or scam call is reported
                        # on the site.
                        "Un SMS : transférez-le au <b>33700</b>, c'est gratuit ;",
                        "Un appel : signalez le numéro sur 33700.fr ;",
                        f"Un courriel : signalez-le sur {link('https://www.signal-spam.fr')} ;",
                        # https://www.internet-signalement.gouv.fr — Pharos, the Police's platform for illegal
                        # content online (threats, hate, child abuse, terrorism).
                        "Un contenu illégal : signalez-le sur <b>Pharos</b>, internet-signalement.gouv.fr.",
                    )
                    + p(
                        "Pharos est pour ce qui est interdit sur internet. Par exemple des menaces, des appels à la "
                        "haine ou des images d'enfants maltraités.",
                    ),
                    callouts=[
                        tip(
                            "Signaler n'est pas porter plainte",
                            "Un signalement prévient les services. Pour être reconnu victime, il faut aussi porter "
                            "plainte.",
                        )
                    ],
                    quiz=check(
                        "Sur un réseau social, une page publie des messages de haine. Où la signaler ?",
                        [
                            "Au 33700",
                            Right("Sur Pharos"),
                            "Sur signal-spam.fr",
                        ],
                        "Pharos reçoit les contenus interdits sur internet. Le 33700 et signal-spam sont pour les "
                        "SMS, les appels et les courriels.",
                    ),
                ),
                step(
                    "Signaler un achat fait avec votre carte (Perceval)",
                    p("Perceval sert quand ces trois choses sont vraies :")
                    + ul(
                        "votre carte est toujours avec vous ;",
                        "un achat en ligne a été fait sans vous ;",
                        "vous avez déjà fait opposition.",
                    )
                    + p(
                        "Sur service-public.fr, cherchez « Perceval ». Connectez-vous avec FranceConnect.",
                        "Donnez le numéro d'opposition, le numéro de la carte et les achats inconnus. Envoyez "
                        "ensuite le récépissé à votre banque.",
                    ),
                    # Source: https://www.service-public.fr/particuliers/vosdroits/R46526 and
                    # https://www.moncommissariat.interieur.gouv.fr/fr/demarches/perceval — card still in hand, online
                    # purchases not made by you, opposition already made; FranceConnect; the receipt helps the bank
                    # refund; a lost or stolen card is a complaint instead.
                    callouts=[
                        warning(
                            "Carte perdue ou volée ?",
                            "Perceval ne sert pas dans ce cas. Faites opposition, puis portez plainte à la police "
                            "ou à la gendarmerie.",
                        )
                    ],
                ),
                step(
                    "Porter plainte en ligne (THESEE)",
                    p(
                        "THESEE sert pour une escroquerie sur internet, sans rencontre avec l'escroc. Par exemple :",
                    )
                    + ul(
                        "un faux site de vente ;",
                        "une fausse annonce ou une fausse location ;",
                        "un chantage en ligne ;",
                        "un compte piraté.",
                    )
                    + p(
                        "Sur service-public.fr, cherchez « arnaque sur internet ». Répondez aux questions, puis "
                        "connectez-vous avec FranceConnect.",
                        "Décrivez les faits et ajoutez vos preuves. Un policier relit la plainte. Le récépissé arrive "
                        "dans votre espace sur service-public.fr.",
                    ),
                    # Source: https://www.service-public.fr (« Arnaque sur internet », THESEE, since March 2022) —
                    # fake shops, fake ads and rentals, online blackmail, ransomware, hacked accounts; FranceConnect;
                    # checked by an investigator, receipt in the service-public.fr space. Police and gendarmerie
                    # must take a complaint (code de procédure pénale, article 15-3).
                    callouts=[
                        tip(
                            "Pas de FranceConnect ?",
                            "Allez au commissariat ou à la gendarmerie. Ils doivent prendre votre plainte.",
                        )
                    ],
                    quiz=check(
                        "Vous avez payé 300 € par carte sur un faux site de vente. Rien n'arrive. Que faites-vous ?",
                        [
                            "Je signale sur Perceval, car j'ai payé par carte",
                            Right("Je porte plainte en ligne avec THESEE"),
                            "J'attends encore trois mois",
                        ],
                        "Vous avez payé vous-même, donc ce n'est pas pour Perceval. Un faux site de vente est une "
                        "escroquerie, à déclarer sur THESEE.",
                    ),
                ),
                step(
                    "Après la plainte",
                    p(
                        "Gardez le récépissé de plainte. Votre banque ou votre assurance peut le demander.",
                        "Changez les mots de passe que vous avez donnés. Prévenez vos proches si votre compte a été "
                        "piraté.",
                    ),
                    # Source: https://www.cybermalveillance.gouv.fr — « arnaque au faux recouvrement »: fake lawyers,
                    # police officers or agencies promise to recover the money for a fee.
                    callouts=[
                        scam(
                            "Personne ne récupère votre argent contre des frais",
                            "Après une plainte, un faux avocat ou un faux policier peut vous contacter. Il promet "
                            "de récupérer votre argent si vous payez.",
                            "C'est une deuxième arnaque. La police et la justice ne font jamais payer une plainte.",
                        )
                    ],
                ),
            ],
        },
    ],
}
