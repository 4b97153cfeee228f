"""Module « CAF : prime d'activité, RSA et logement »: asking for an allowance and telling the CAF what changed.

The CAF is France Services' second most asked partner (Cour des comptes 2024: 16 %). The chèque énergie, another
help with the cost of a home that residents ask about, is the module's last tutorial. Sources next to each fact.
"""

from demo.content.build import (
    Right,
    account,
    check,
    document,
    equipment,
    p,
    scam,
    step,
    tip,
    ul,
    warning,
)

# Source: caf.fr, « Attention aux tentatives d'escroquerie » — the CAF never asks for bank card details.
CAF_SCAM = scam(
    "La CAF ne demande jamais votre carte bancaire",
    "Un SMS ou un courriel « de la CAF » vous demande votre carte bancaire ? C'est une arnaque.",
    "La CAF vous écrit dans votre espace Mon Compte, sur caf.fr.",
)

MODULE = {
    "slug": "caf-prime-activite-rsa-logement",
    "title": "CAF : prime d'activité, RSA et logement",
    "summary": "Demander la prime d'activité ou le RSA. Signaler à la CAF un déménagement ou un autre "
    "changement. Demander un logement social. Recevoir et utiliser le chèque énergie.",
    "objectives": [
        "Faire une simulation puis une demande de prime d'activité ou de RSA",
        "Signaler un changement de situation à la CAF",
        "Demander l'aide au logement après un déménagement",
        "Faire et renouveler une demande de logement social",
        "Demander le chèque énergie s'il n'arrive pas, puis payer son fournisseur avec",
    ],
    "level": "intermediaire",
    "duration_minutes": 95,
    "exclusion_type": "competence",
    "device": "any",
    "equipment": [
        "Un ordinateur ou un smartphone connecté à internet",
        "Votre numéro d'allocataire et votre code, si vous en avez",
    ],
    "operators": ["caf", "msa", "france-travail", "logement-social", "cheque-energie"],
    "procedures": [
        "caf-prime-activite-rsa",
        "caf-changement-situation",
        "logement-social-demande",
        "cheque-energie-demander-utiliser",
    ],
    "competences": ["6.1", "6.2", "6.3"],
    "tutorials": [
        {
            "slug": "demander-la-prime-d-activite-ou-le-rsa",
            "title": "Demander la prime d'activité ou le RSA",
            "intro": "La prime d'activité aide les personnes qui travaillent et gagnent peu. Le RSA aide les "
            "personnes qui ont peu ou pas de ressources. Les deux se demandent sur caf.fr.",
            # Source: service-public.fr F2882 « Prime d'activité » (18 or over, in work, modest income) and
            # N19775 « Revenu de solidarité active (RSA) » (25 or over, or younger with a child or expecting one).
            "duration_minutes": 30,
            "checklist": [
                document("Vos bulletins de salaire des 3 derniers mois"),
                document("Votre RIB"),
                document("Votre titre de séjour, si vous n'êtes pas européen"),
                account("Votre numéro d'allocataire, ou FranceConnect"),
                equipment("Votre téléphone portable"),
            ],
            "steps": [
                step(
                    "Faire une simulation",
                    p(
                        "Sur caf.fr, ouvrez <b>Estimer vos droits</b>. Choisissez la prime d'activité ou le RSA.",
                        "La simulation est gratuite et anonyme. Elle ne fait pas de demande.",
                    ),
                    image="caf-simulation.svg",
                    alt="Le résultat d'une simulation sur caf.fr. Un montant estimé par mois est affiché, avec le "
                    "bouton « Faire la demande ».",
                    callouts=[CAF_SCAM],
                ),
                step(
                    "Choisir la bonne aide",
                    p("Voici la règle la plus simple :")
                    + ul(
                        "vous travaillez et gagnez peu, demandez la prime d'activité ;",
                        "vous n'avez pas ou presque pas de ressources, demandez le RSA ;",
                        "pour le RSA, il faut en général avoir 25 ans ou plus.",
                    ),
                    quiz=check(
                        "Karim, 30 ans, travaille à mi-temps au SMIC. Quelle aide peut-il demander ?",
                        [
                            Right("La prime d'activité"),
                            "L'allocation de rentrée scolaire",
                            "Aucune, car il travaille",
                        ],
                        "La prime d'activité est faite pour les personnes qui travaillent avec un petit salaire.",
                    ),
                ),
                step(
                    "Se connecter à Mon Compte",
                    p(
                        "Cliquez sur <b>Mon Compte</b>. Entrez votre numéro d'allocataire et votre code.",
                        "Vous n'êtes pas encore allocataire ? Entrez avec FranceConnect.",
                    ),
                ),
                step(
                    "Remplir la demande",
                    p(
                        "Choisissez <b>Faire une demande de prestation</b>, puis l'aide voulue.",
                        "Répondez aux questions sur votre famille, votre logement et vos ressources.",
                    ),
                    # Source: caf.fr, « Solidarité à la source » (2025) — amounts are prefilled from the montant
                    # net social declared by employers; the person checks and corrects them.
                    callouts=[
                        tip(
                            "Des montants déjà remplis",
                            "Vos salaires sont souvent déjà écrits. Vérifiez-les avec vos bulletins de salaire.",
                        )
                    ],
                ),
                step(
                    "Envoyer et suivre",
                    p(
                        "Validez la demande. Ajoutez les justificatifs demandés.",
                        "La réponse arrive dans Mon Compte. Regardez vos messages.",
                    ),
                    quiz=check(
                        "Vous touchez la prime d'activité. Que devez-vous faire ensuite ?",
                        [
                            "Rien, elle est versée à vie",
                            Right("Déclarer mes ressources tous les 3 mois"),
                            "Refaire une demande chaque mois",
                        ],
                        "La déclaration trimestrielle met à jour le montant. Sans elle, le versement s'arrête.",
                    ),
                ),
                step(
                    "Pour le RSA, suivre l'accompagnement",
                    p(
                        "Avec le RSA, vous êtes inscrit à France Travail. Un conseiller vous accompagne.",
                        "Vous signez un contrat d'engagement. Il prévoit des activités pour retrouver un emploi.",
                    ),
                    # Source: service-public.fr, loi pour le plein emploi — since 1 January 2025 RSA applicants are
                    # registered with France Travail and sign a contrat d'engagement (15 hours of activity a week).
                    callouts=[
                        warning(
                            "Vous dépendez de la MSA ?",
                            "Vous travaillez dans l'agriculture ? Faites la demande sur msa.fr, pas sur caf.fr.",
                        )
                    ],
                ),
            ],
        },
        {
            "slug": "signaler-un-changement-et-demander-l-aide-au-logement",
            "title": "Signaler un changement et demander l'aide au logement",
            "intro": "Un déménagement, une naissance, une séparation, un nouveau travail ? Dites-le vite à la "
            "CAF. Vos aides changent peut-être.",
            # Source: caf.fr, « Déclarer un changement de situation » — changes are declared in Mon Compte.
            "duration_minutes": 20,
            "checklist": [
                document("Votre nouveau bail, pour un déménagement"),
                document("Le montant du loyer et des charges"),
                document("Votre RIB, si votre compte change"),
                account("Votre numéro d'allocataire et votre code"),
            ],
            "steps": [
                step(
                    "Ouvrir Mon Compte",
                    p(
                        "Sur caf.fr ou dans l'application « Caf - Mon Compte », connectez-vous.",
                        "Utilisez votre numéro d'allocataire et votre code, ou FranceConnect.",
                    ),
                    callouts=[CAF_SCAM],
                ),
                step(
                    "Choisir « Déclarer un changement »",
                    p("Choisissez ce qui a changé, par exemple :")
                    + ul("votre adresse ;", "votre famille ;", "votre travail ou vos ressources ;", "votre RIB."),
                    image="caf-changement.svg",
                    alt="La page « Déclarer un changement » de la CAF. Quatre boutons : Adresse, Famille, "
                    "Ressources et Coordonnées bancaires.",
                    quiz=check(
                        "Vous vous installez en couple. Que faites-vous ?",
                        [
                            "Rien, la CAF le saura toute seule",
                            "Je le dirai à la fin de l'année",
                            Right("Je le déclare tout de suite dans Mon Compte"),
                        ],
                        "Les ressources du couple comptent pour vos aides. Un retard peut créer une dette envers "
                        "la CAF.",
                    ),
                ),
                step(
                    "Donner la nouvelle adresse",
                    p(
                        "Écrivez la date du déménagement et la nouvelle adresse.",
                        "Le site vous demande ensuite si vous louez ce logement.",
                    ),
                ),
                step(
                    "Demander l'aide au logement",
                    p(
                        "Vous louez ? Choisissez <b>Faire une demande de prestation</b>, puis <b>Aide au "
                        "logement</b>.",
                        "Donnez le loyer, les charges et le nom du bailleur.",
                    ),
                    # Source: service-public.fr F12006 « Aide personnalisée au logement (APL) » — paid from the
                    # month after moving in; based on the last 12 months of income, updated every 3 months.
                    callouts=[
                        tip(
                            "Faites-le le mois du déménagement",
                            "L'aide commence le mois après votre arrivée. Elle ne paie pas les mois passés sans "
                            "demande.",
                        )
                    ],
                    quiz=check(
                        "Vous emménagez le 10 mars. Quand demander l'aide au logement ?",
                        [
                            Right("En mars, dès que j'ai le bail"),
                            "En décembre, avec les impôts",
                            "Après un an dans le logement",
                        ],
                        "Plus vous attendez, plus vous perdez de mois d'aide.",
                    ),
                ),
                step(
                    "Vérifier le récapitulatif",
                    p(
                        "Relisez tout, puis validez.",
                        "Téléchargez le récapitulatif. Il prouve que vous avez fait la démarche.",
                    ),
                ),
                step(
                    "Suivre la réponse",
                    p(
                        "La CAF peut demander un justificatif. Le message arrive dans Mon Compte.",
                        "L'aide peut être versée à vous ou directement au bailleur.",
                    ),
                    callouts=[
                        warning(
                            "Répondez aux demandes de la CAF",
                            "Sans réponse, la CAF peut suspendre vos aides.",
                        )
                    ],
                ),
            ],
        },
        {
            "slug": "demander-un-logement-social",
            "title": "Demander un logement social",
            "intro": "La demande de logement social est gratuite. Elle se fait en ligne, une seule fois pour tout "
            "le département. Il faut la renouveler chaque année.",
            # Source: service-public.fr F869 « Demande de logement social » — free, online on
            # demande-logement-social.gouv.fr or at a counter, a numéro unique, renewed every year or cancelled.
            "duration_minutes": 25,
            "checklist": [
                document("Votre pièce d'identité, ou votre titre de séjour"),
                document("Votre avis d'impôt, et celui des personnes qui vivront avec vous"),
                account("Une adresse électronique"),
            ],
            "steps": [
                step(
                    "Aller sur le site officiel",
                    p(
                        "Tapez <b>demande-logement-social.gouv.fr</b> dans la barre d'adresse.",
                        "Cliquez sur <b>Créer ma demande</b>. Créez votre compte avec votre adresse électronique.",
                    ),
                    image="logement-social.svg",
                    alt="Le site demande-logement-social.gouv.fr, à l'adresse écrite en haut. Le bouton « Créer ma "
                    "demande » est entouré.",
                    callouts=[
                        scam(
                            "Personne ne peut vendre un logement social",
                            "La demande est gratuite. Quelqu'un vous demande de l'argent pour aller plus vite ? "
                            "C'est une arnaque. Ne payez pas.",
                        )
                    ],
                    quiz=check(
                        "Un site demande 49 € pour déposer votre demande de logement social. Que faites-vous ?",
                        [
                            "Je paie, cela ira plus vite",
                            Right("Je fais la demande moi-même, gratuitement, sur le site officiel"),
                            "J'envoie mon RIB au site",
                        ],
                        "La demande est toujours gratuite. Payer ne donne aucune priorité.",
                    ),
                ),
                step(
                    "Décrire votre foyer et vos ressources",
                    p(
                        "Ajoutez chaque personne qui vivra dans le logement.",
                        "Écrivez les ressources de chacun. Elles sont sur l'avis d'impôt.",
                    ),
                ),
                step(
                    "Choisir les communes",
                    p(
                        "Choisissez les communes où vous voulez vivre.",
                        "Plus vous en choisissez, plus vous avez de chances de recevoir une proposition.",
                    ),
                ),
                step(
                    "Ajouter les justificatifs et envoyer",
                    p(
                        "Ajoutez une photo de votre pièce d'identité ou de votre titre de séjour.",
                        "Validez. Les documents en ligne servent pour tous les bailleurs.",
                    ),
                ),
                step(
                    "Garder le numéro unique",
                    p(
                        "Vous recevez une attestation avec un <b>numéro unique</b>. Gardez-la.",
                        "Ce numéro prouve depuis quand vous attendez un logement.",
                    ),
                    callouts=[
                        tip(
                            "Votre situation change ?",
                            "Une naissance, un nouveau travail ? Mettez votre demande à jour en ligne.",
                        )
                    ],
                ),
                step(
                    "Renouveler chaque année",
                    p(
                        "Un message vous prévient un mois avant la date limite.",
                        "Renouvelez votre demande en ligne avant cette date.",
                    ),
                    callouts=[
                        warning(
                            "Sans renouvellement, la demande est annulée",
                            "Vous perdez alors votre ancienneté. Il faut tout recommencer.",
                        )
                    ],
                    quiz=check(
                        "Votre demande a un an. Vous n'avez pas encore de logement. Que faites-vous ?",
                        [
                            Right("Je renouvelle ma demande avant la date limite"),
                            "Je fais une nouvelle demande à zéro",
                            "Je ne fais rien, elle reste valable",
                        ],
                        "En renouvelant, vous gardez votre ancienneté. Une nouvelle demande repart de zéro.",
                    ),
                ),
            ],
        },
        {
            "slug": "demander-et-utiliser-son-cheque-energie",
            "title": "Demander et utiliser son chèque énergie",
            "intro": "Le chèque énergie aide les foyers modestes à payer l'électricité, le gaz, le fioul ou le bois. "
            "Il arrive en général sans rien demander. Vous l'utilisez ensuite pour payer votre fournisseur d'énergie.",
            # Source: https://chequeenergie.gouv.fr — sent once a year to modest households; it pays electricity,
            # gas, heating oil, wood and some renovation work; it cannot be cashed at a bank.
            "duration_minutes": 20,
            "checklist": [
                document("Votre avis d'impôt, pour votre numéro fiscal"),
                document("Une attestation de votre contrat d'électricité, de moins de 3 mois"),
                document("Votre chèque énergie et une facture de votre fournisseur, si vous l'avez reçu"),
                account("FranceConnect, ou une adresse électronique pour créer un compte"),
            ],
            "steps": [
                step(
                    "Savoir si vous y avez droit",
                    p(
                        "Le chèque dépend des revenus du foyer et du nombre de personnes qui y vivent. Il va de 48 € "
                        "à 277 € par an.",
                        "Sur chequeenergie.gouv.fr, vous pouvez vérifier si vous y avez droit.",
                    ),
                    # Source: https://chequeenergie.gouv.fr — eligibility from the revenu fiscal de référence per unit
                    # of consumption (under 11 000 € for the 2025 campaign); 48 € to 277 € a year.
                    callouts=[
                        tip(
                            "Déclarez vos revenus chaque année",
                            "Même avec de très petits revenus, faites votre déclaration. Sans elle, l'État ne peut "
                            "pas vous envoyer le chèque.",
                        )
                    ],
                ),
                step(
                    "Le recevoir sans rien faire",
                    p(
                        "Si l'État vous a repéré, le chèque arrive par courrier, à votre nom. Vous n'avez rien à "
                        "demander.",
                        "Depuis 2025, l'État croise vos impôts avec le compteur d'électricité de votre logement.",
                    ),
                    # Source: https://www.banquedesterritoires.fr/cheque-energie-le-guichet-de-reclamation-est-ouvert
                    # (October 2025) — since the taxe d'habitation ended, the State matches tax data (DGFiP) with the
                    # home's electricity point de livraison; households are told by e-mail, SMS or letter.
                    # Source: https://chequeenergie.gouv.fr — « aucun démarchage » by the administration, bank details
                    # are never asked for.
                    callouts=[
                        scam(
                            "Personne ne vend le chèque énergie",
                            "Personne ne vous appelle ni ne vient chez vous pour le chèque énergie. On ne vous "
                            "demande jamais votre carte bancaire ni votre RIB.",
                            "Un appel ou un message qui le demande est une arnaque.",
                        )
                    ],
                    quiz=check(
                        "Un SMS dit « Votre chèque énergie de 277 € vous attend. Entrez votre carte bancaire ». Que "
                        "faites-vous ?",
                        [
                            "Je tape ma carte pour recevoir l'argent",
                            Right("Je ne clique pas et je supprime le SMS"),
                            "Je réponds au SMS pour en savoir plus",
                        ],
                        "Le chèque énergie ne demande jamais de carte bancaire. Pour vérifier, tapez vous-même "
                        "chequeenergie.gouv.fr.",
                    ),
                ),
                step(
                    "Pas reçu ? Faire la demande en ligne",
                    p(
                        "Depuis 2025, certains foyers ne sont pas repérés tout seuls. C'est souvent le cas après un "
                        "déménagement ou un nouveau contrat d'électricité.",
                        "Faites alors la demande sur chequeenergie.gouv.fr. Entrez avec FranceConnect ou créez un "
                        "compte.",
                        "Le site vous demande :",
                    )
                    + ul(
                        "votre numéro fiscal, écrit sur votre avis d'impôt ;",
                        "votre adresse ;",
                        "une attestation de votre contrat d'électricité, de moins de 3 mois.",
                    ),
                    # Source: https://chequeenergie.gouv.fr (demande en ligne, quoted on
                    # https://app.panneaupocket.com/ville/2088783731-la-villeneuve-bellenoye-et-la-maize-70240) — name,
                    # date of birth, numéro fiscal, address, and an electricity contract certificate under 3 months
                    # old showing the point de livraison; a paper form by post; help at France Services; the
                    # 2025 campaign's claims closed on 28 February 2026. For the 2026 campaign (sent in spring),
                    # the press reports claims open until 31 December 2026
                    # (https://www.revolutionmagazine.com/cheque-energie-2026-printemps-demande.html): the text gives
                    # no date and sends people to the site, which shows the current one.
                    callouts=[
                        tip(
                            "Le numéro du compteur",
                            "L'attestation montre le numéro de point de livraison du logement. Demandez-la à votre "
                            "fournisseur d'électricité.",
                        ),
                        warning(
                            "Ne dépassez pas la date limite",
                            "La date limite est écrite sur chequeenergie.gouv.fr. Pas d'internet ? Un formulaire "
                            "papier existe. Un conseiller France Services peut vous aider.",
                        ),
                    ],
                    quiz=check(
                        "Vous avez emménagé l'an dernier. Vos revenus sont faibles. Le chèque n'est pas arrivé. Que "
                        "faites-vous ?",
                        [
                            "J'attends, il arrivera forcément",
                            Right("Je fais la demande sur chequeenergie.gouv.fr avant la date limite"),
                            "J'appelle le numéro écrit dans un SMS reçu",
                        ],
                        "Après un déménagement, l'État ne vous repère pas toujours. La demande en ligne répare cet "
                        "oubli.",
                    ),
                ),
                step(
                    "Payer votre facture en ligne",
                    p(
                        "Sur chequeenergie.gouv.fr, choisissez d'utiliser votre chèque en ligne.",
                        "Tapez le numéro du chèque et le code caché sous la partie à gratter. Ajoutez votre numéro "
                        "de client, écrit sur votre facture.",
                        "Le montant est retiré de votre prochaine facture.",
                    ),
                    # Source: https://chequeenergie.gouv.fr (« Utiliser mon chèque en ligne ») and
                    # https://ekwateur.fr/blog/marche-de-l-energie/cheque-energie-valable-changement-adresse —
                    # cheque number, scratch code and customer reference; deducted from the next bill.
                    image="cheque-energie.svg",
                    alt="Un chèque énergie de 150 € au nom de Mme Martin. On y voit sa date de fin, son numéro et "
                    "le code à gratter. En dessous, l'adresse chequeenergie.gouv.fr.",
                    quiz=check(
                        "Sur quel site utilisez-vous votre chèque énergie en ligne ?",
                        [
                            "Sur le site de ma banque",
                            Right("Sur chequeenergie.gouv.fr"),
                            "Sur un site trouvé dans une publicité",
                        ],
                        "Seul chequeenergie.gouv.fr permet de payer en ligne avec le chèque. Une banque ne "
                        "l'encaisse pas.",
                    ),
                ),
                step(
                    "Ou l'envoyer par courrier",
                    p(
                        "Vous préférez le papier ? Écrivez votre numéro de client au dos du chèque.",
                        "Mettez-le dans une enveloppe avec une copie de votre facture. Envoyez-la à l'adresse de "
                        "votre fournisseur d'énergie.",
                    ),
                    # Source: https://sicaesomme.fr/particuliers/nos-offres-et-services/le-cheque-energie.html,
                    # after chequeenergie.gouv.fr — by post with a copy of a bill showing the customer reference,
                    # written on the back; handed to the seller for heating oil or wood.
                    callouts=[
                        tip(
                            "Fioul ou bois ?",
                            "Donnez directement le chèque au vendeur de fioul ou de bois, au moment de payer.",
                        ),
                        warning(
                            "Pas à la banque",
                            "Le chèque énergie ne se dépose pas sur un compte bancaire. Il paie seulement l'énergie "
                            "du logement.",
                        ),
                    ],
                ),
                step(
                    "Ne pas laisser passer la date de fin",
                    p(
                        "La date de fin est écrite sur le chèque. Après cette date, il ne vaut plus rien.",
                        "Pour les années suivantes, demandez la pré-affectation sur chequeenergie.gouv.fr. Votre "
                        "chèque ira alors tout seul chez votre fournisseur.",
                    ),
                    # Source: https://chequeenergie.gouv.fr — valid until the date printed on it (usually 31 March of
                    # the next year); pré-affectation sends the next cheques straight to the supplier; the attestation
                    # gives rights to the supplier's protections (for example in case of unpaid bills).
                    callouts=[
                        tip(
                            "Gardez l'attestation",
                            "Avec le chèque, vous recevez une attestation. Envoyez-la à votre fournisseur. Elle vous "
                            "donne des droits si vous avez du mal à payer.",
                        )
                    ],
                    quiz=check(
                        "Vous ne voulez plus y penser les années suivantes. Que faites-vous ?",
                        [
                            Right("Je demande la pré-affectation sur chequeenergie.gouv.fr"),
                            "Je donne mon RIB à un démarcheur",
                            "Je garde mes chèques pour plus tard",
                        ],
                        "Avec la pré-affectation, le chèque va tout seul chez votre fournisseur. Un chèque gardé "
                        "trop longtemps est perdu.",
                    ),
                ),
            ],
        },
    ],
}
