// The demo in French: every text of the recipe (finance.ts, hr.ts, supply-chain.ts), keyed on its
// English, so the recipe stays one set of files and the generator swaps the texts when the demo is
// made in French (src-main/core/demo/localise.ts). Keys, codes and figures are not texts and stay as
// they are. tests/integration/demo-french.test.ts fails when a text of the recipe has no French here.
// French typography: a no-break space (U+00A0) before « : » and inside « », a narrow one (U+202F)
// before « ; ! ? » and « % ».

export const DEMO_FR: Readonly<Record<string, string>> = {
  // ------------------------------------------------------------------ shared words
  ERP: 'ERP',
  ECM: 'GED',
  BI: 'BI',
  CRM: 'CRM',
  HRIS: 'SIRH',
  WMS: 'WMS',
  ITSM: 'ITSM',
  'e-mail': 'messagerie',
  spreadsheet: 'tableur',
  paper: 'papier',
  Teams: 'Teams',
  SharePoint: 'SharePoint',
  'Viva Engage': 'Viva Engage',
  Slack: 'Slack',
  EUR: 'EUR',
  days: 'jours',
  '%': '%',
  'e-mails': 'e-mails',
  journals: 'écritures',
  pairs: 'binômes',
  ideas: 'idées',
  'APQC PCF 9.6.1': 'APQC PCF 9.6.1',
  'APQC PCF 9.3': 'APQC PCF 9.3',
  'APQC PCF 9.2': 'APQC PCF 9.2',
  'APQC PCF 7.2': 'APQC PCF 7.2',
  'APQC PCF 7.3': 'APQC PCF 7.3',
  'APQC PCF 4.1.2.7': 'APQC PCF 4.1.2.7',
  'SCOR RL.1.1': 'SCOR RL.1.1',
  'SCOR RS.1.1': 'SCOR RS.1.1',
  'SCOR AM.1.1': 'SCOR AM.1.1',
  'SCOR sD1': 'SCOR sD1',
  'SCOR sP1': 'SCOR sP1',

  // ------------------------------------------------------------------ decisions and branches of the maps
  'Invoice matches?': 'Facture conforme ?',
  'Within the credit limit?': 'Dans l’encours autorisé ?',
  'Candidate selected?': 'Candidat retenu ?',
  'Stock available?': 'Stock disponible ?',
  yes: 'oui',
  'no: price or quantity differs': 'non : écart de prix ou de quantité',
  'released: match again': 'libérée : rapprocher à nouveau',
  'questions on the pack': 'questions sur le rapport',
  'no: blocked until sales confirm': 'non : bloquée jusqu’à l’accord des ventes',
  'paid on time': 'payée à l’échéance',
  overdue: 'échue',
  disputed: 'contestée',
  'paid after a reminder': 'payée après relance',
  'no: source again': 'non : relancer la recherche',
  'not yet autonomous': 'pas encore autonome',
  'no: back-order, plan again': 'non : reliquat, replanifier',
  'claim: ship again': 'réclamation : réexpédier',
  'no agreement: review demand again': 'pas d’accord : revoir la demande',

  // ------------------------------------------------------------------ Finance: processes
  Finance: 'Finance',
  'Procure-to-pay': 'Achat-à-paiement (procure-to-pay)',
  'Claire Martin (AP lead)': 'Claire Martin (responsable comptabilité fournisseurs)',
  'From the purchase requisition to the payment of the supplier invoice.': "De la demande d'achat au paiement de la facture fournisseur.",
  'Raise purchase requisition': "Saisir la demande d'achat",
  Requester: 'Demandeur',
  'Approved requisition': "Demande d'achat approuvée",
  'Create and send the purchase order': 'Créer et envoyer la commande',
  Procurement: 'Achats',
  'Purchase order': 'Commande fournisseur',
  'Post goods receipt': 'Enregistrer la réception',
  Warehouse: 'Entrepôt',
  'Delivery note': 'Bon de livraison',
  'Goods receipt': 'Réception enregistrée',
  'Capture and index the supplier invoice': 'Numériser et indexer la facture fournisseur',
  'Accounts payable': 'Comptabilité fournisseurs',
  'Supplier invoice (PDF, paper)': 'Facture fournisseur (PDF, papier)',
  'Indexed invoice': 'Facture indexée',
  'Three-way match (order, receipt, invoice)': 'Rapprochement à trois (commande, réception, facture)',
  'Matched or blocked invoice': 'Facture rapprochée ou bloquée',
  'Approve non-PO and blocked invoices': 'Valider les factures hors commande et bloquées',
  'Budget owner': 'Responsable budgétaire',
  'Approval request': 'Demande de validation',
  'Released invoice': 'Facture libérée',
  'Run the payment proposal': 'Lancer la proposition de paiement',
  Treasury: 'Trésorerie',
  'Released invoices': 'Factures libérées',
  'Payment run, remittance advice': 'Campagne de paiement, avis de virement',
  'Record-to-report': 'Clôture et reporting (record-to-report)',
  'Julien Lefèvre (Group controller)': 'Julien Lefèvre (contrôleur de gestion groupe)',
  'Month-end close: journals, reconciliations, intercompany, consolidation and the management pack.':
    'Clôture mensuelle : écritures, justifications de comptes, intragroupe, consolidation et rapport de gestion.',
  'Post accruals and manual journals': 'Passer les provisions et les écritures manuelles',
  'General ledger': 'Comptabilité générale',
  'Posted journals': 'Écritures passées',
  'Reconcile balance-sheet accounts': 'Justifier les comptes de bilan',
  'Signed-off reconciliations': 'Justifications validées',
  'Match intercompany balances': 'Rapprocher les soldes intragroupe',
  'Entity controllers': 'Contrôleurs des filiales',
  'Agreed intercompany positions': 'Positions intragroupe concordantes',
  'Consolidate and eliminate': 'Consolider et éliminer',
  'Group reporting': 'Reporting groupe',
  'Consolidated ledger': 'Comptes consolidés',
  'Analyse variances and write the commentary': 'Analyser les écarts et rédiger les commentaires',
  Controlling: 'Contrôle de gestion',
  'Variance commentary': 'Commentaires sur les écarts',
  'Review the management pack': 'Revoir le rapport de gestion',
  'CFO office': 'Direction financière',
  'Consolidated figures, commentary': 'Chiffres consolidés, commentaires',
  'Released management pack': 'Rapport de gestion diffusé',
  'Order-to-cash': 'Commande-à-encaissement (order-to-cash)',
  'Sophie Bernard (Credit manager)': 'Sophie Bernard (credit manager)',
  'From the customer order to the cash on the bank account, including disputes and collections.':
    "De la commande client à l'encaissement sur le compte bancaire, litiges et relances compris.",
  'Enter and confirm the customer order': 'Saisir et confirmer la commande client',
  'Sales operations': 'Administration des ventes',
  'Sales order': 'Commande client',
  'Check the customer credit limit': "Contrôler l'encours autorisé du client",
  'Credit control': 'Gestion du crédit client',
  'Released order': 'Commande libérée',
  'Issue the invoice': 'Émettre la facture',
  Billing: 'Facturation',
  'Delivery confirmation': 'Confirmation de livraison',
  'Customer invoice': 'Facture client',
  'Send reminders and call overdue customers': 'Relancer par écrit et appeler les clients en retard',
  'Payment promise': 'Promesse de paiement',
  'Resolve disputed invoices': 'Résoudre les factures en litige',
  'Customer dispute': 'Litige client',
  'Credit note or confirmed invoice': 'Avoir ou facture confirmée',
  'Apply incoming cash': 'Lettrer les encaissements',
  'Cash application': 'Lettrage',
  'Bank statement': 'Relevé bancaire',
  'Cleared receivables': 'Créances lettrées',

  // ------------------------------------------------------------------ Finance: gaps
  'Blocked invoices wait days for a buyer to confirm price or quantity':
    "Les factures bloquées attendent des jours qu'un acheteur confirme le prix ou la quantité",
  'When the three-way match fails, AP e-mails the buyer and waits. Nobody sees the queue, and the same supplier mismatches come back every month.':
    "Quand le rapprochement échoue, la comptabilité fournisseurs écrit à l'acheteur et attend. Personne ne voit la file d'attente, et les mêmes anomalies fournisseurs reviennent chaque mois.",
  'ERP block report: 1,430 invoices blocked over 12 months, median time in block 9 days; 38 % of late-payment fees trace back to blocked invoices.':
    "Rapport des blocages de l'ERP : 1 430 factures bloquées en 12 mois, durée médiane de blocage 9 jours ; 38 % des pénalités de retard viennent de factures bloquées.",
  'Claire Martin': 'Claire Martin',
  'Suppliers chase their payment status by e-mail and phone': 'Les fournisseurs réclament l’état de leur paiement par e-mail et par téléphone',
  'Payment dates exist in the ERP but suppliers cannot see them, so they ask AP, one e-mail at a time.':
    "Les dates de paiement sont dans l'ERP mais les fournisseurs ne les voient pas ; ils interrogent la comptabilité, un e-mail à la fois.",
  'AP shared mailbox: about 310 "where is my payment?" e-mails a month (March sample), each answered by hand.':
    'Boîte partagée de la comptabilité fournisseurs : environ 310 e-mails « où en est mon paiement ? » par mois (échantillon de mars), chacun traité à la main.',
  'AP team lead': 'Chef d’équipe comptabilité fournisseurs',
  "Non-PO invoices sit in budget owners' inboxes": 'Les factures hors commande dorment dans les boîtes des responsables budgétaires',
  'Approval requests go by e-mail with no reminder and no deputy; invoices wait until the owner comes back.':
    "Les demandes de validation partent par e-mail, sans relance ni suppléant ; les factures attendent le retour du responsable.",
  'ECM workflow log: approval lead time for non-PO invoices median 11 days, 90th percentile 27 days.':
    'Journal du workflow de la GED : délai de validation des factures hors commande, médiane 11 jours, 9e décile 27 jours.',
  'Reconciliation know-how sits with two senior accountants': 'Le savoir-faire des justifications de comptes repose sur deux comptables seniors',
  'Complex accounts (FX revaluation, provisions) are reconciled by two people close to retirement; their tricks live in personal spreadsheets.':
    'Les comptes complexes (réévaluation de change, provisions) sont justifiés par deux personnes proches de la retraite ; leurs astuces vivent dans des tableurs personnels.',
  'Close calendar: 14 of 62 reconciliations depend on two named people; one absence last year delayed the close by 2 days.':
    "Calendrier de clôture : 14 justifications sur 62 dépendent de deux personnes nommées ; une absence l'an dernier a retardé la clôture de 2 jours.",
  'Julien Lefèvre': 'Julien Lefèvre',
  'Intercompany mismatches: nobody knows whom to ask in the other entity': "Écarts intragroupe : personne ne sait qui solliciter dans l'autre filiale",
  'Differences are e-mailed to a generic address in the other entity and bounce between people until month-end.':
    "Les différences partent vers une adresse générique de l'autre filiale et passent de main en main jusqu'à la fin du mois.",
  'Intercompany mismatch log: about 25 open differences at each month-end, 2 hours on average to find the right counterpart.':
    'Suivi des écarts intragroupe : environ 25 différences ouvertes à chaque fin de mois, 2 heures en moyenne pour trouver le bon interlocuteur.',
  'The same manual journal corrections every month, never fixed at source': 'Les mêmes écritures correctives chaque mois, jamais corrigées à la source',
  'GL corrects mis-postings at month-end but the people who made them never hear about it, so the errors repeat.':
    "La comptabilité générale corrige les erreurs d'imputation en fin de mois, mais leurs auteurs n'en savent rien : les erreurs se répètent.",
  'Journal register: 42 correcting journals a month on average; 70 % hit the same 8 cost centres.':
    'Journal des écritures : 42 écritures correctives par mois en moyenne ; 70 % touchent les 8 mêmes centres de coûts.',
  'Collectors cannot get answers on disputed invoices (pricing, proof of delivery)':
    "Les chargés de recouvrement n'obtiennent pas de réponse sur les factures en litige (prix, preuve de livraison)",
  'The answer sits with a salesperson or a logistics planner; collectors do not know who, and disputed invoices age.':
    'La réponse est chez un commercial ou un planificateur logistique ; le recouvrement ne sait pas lequel, et les factures en litige vieillissent.',
  'Dispute log: 60 disputes a month, 45 % waiting more than 10 days for sales or logistics; disputed invoices are 30 % of overdue receivables.':
    'Suivi des litiges : 60 litiges par mois, 45 % attendent plus de 10 jours les ventes ou la logistique ; les factures en litige font 30 % des créances échues.',
  'Sophie Bernard': 'Sophie Bernard',
  'Customer payment promises are invisible to sales': 'Les promesses de paiement des clients sont invisibles pour les ventes',
  'Credit control records promises in e-mails; sales visit customers without knowing a promise was broken.':
    "La gestion du crédit note les promesses dans des e-mails ; les commerciaux visitent des clients sans savoir qu'une promesse n'a pas été tenue.",
  'Sales visited 12 customers last quarter without knowing about broken payment promises (credit-control review).':
    'Les commerciaux ont visité 12 clients le trimestre dernier sans connaître leurs promesses de paiement non tenues (revue de la gestion du crédit).',
  "AP clerks' automation ideas are never collected": "Les idées d'automatisation des comptables fournisseurs ne sont jamais recueillies",
  'Clerks see which suppliers could move to e-invoicing or which checks are redundant, but there is no place to say it.':
    'Les comptables voient quels fournisseurs pourraient passer à la facture électronique ou quels contrôles font doublon, mais rien ne permet de le dire.',
  'Team retrospective: 9 concrete ideas raised in one hour, none of them recorded anywhere before.':
    "Rétrospective d'équipe : 9 idées concrètes en une heure, aucune notée nulle part auparavant.",

  // ------------------------------------------------------------------ Finance: interventions
  'AP–procurement exception channel with @mentions on blocked invoices': 'Canal anomalies comptabilité–achats avec @mentions sur les factures bloquées',
  'A Teams channel fed by the ERP block report: each blocked invoice is posted with its buyer @mentioned, answers are threaded on the invoice, and recurring mismatches are tagged for a monthly fix-at-source review.':
    "Un canal Teams alimenté par le rapport des blocages de l'ERP : chaque facture bloquée y est publiée avec son acheteur @mentionné, les réponses s'enchaînent sur la facture, et les anomalies récurrentes sont repérées pour une revue mensuelle de correction à la source.",
  'Blocked invoices released in 3 days instead of 9; fewer late-payment fees; half an FTE of chasing released in AP.':
    'Factures bloquées libérées en 3 jours au lieu de 9 ; moins de pénalités de retard ; un demi-ETP de relances libéré en comptabilité fournisseurs.',
  'Supplier payment-status page and FAQ': 'Page « état de paiement » et FAQ pour les fournisseurs',
  'An external SharePoint page where suppliers look up the status and planned date of their invoices, with an FAQ kept by AP.':
    'Une page SharePoint externe où les fournisseurs consultent l’état et la date prévue de paiement de leurs factures, avec une FAQ tenue par la comptabilité fournisseurs.',
  'Half of the status e-mails avoided.': 'La moitié des e-mails de relance évitée.',
  'Close community of practice: reconciliation playbook and working out loud at month-end':
    'Communauté de pratique de la clôture : guide des justifications et travail à voix haute en fin de mois',
  'Accountants of all entities share reconciliation how-tos in a living playbook, post blockers during the close and review the top recurring corrections with the teams that cause them.':
    'Les comptables de toutes les filiales partagent leurs méthodes de justification dans un guide vivant, signalent leurs blocages pendant la clôture et revoient les corrections les plus fréquentes avec les équipes qui les provoquent.',
  'Close in 6 working days instead of 8; no single point of failure on complex reconciliations.':
    'Clôture en 6 jours ouvrés au lieu de 8 ; plus de dépendance à une seule personne sur les justifications complexes.',
  'Intercompany counterpart directory': 'Annuaire des interlocuteurs intragroupe',
  'Who answers for which intercompany flow in each entity, kept up to date by the entity controllers.':
    'Qui répond de quel flux intragroupe dans chaque filiale, tenu à jour par les contrôleurs des filiales.',
  'Mismatches resolved before month-end instead of after.': 'Écarts résolus avant la fin du mois plutôt qu’après.',
  'Collections Q&A forum with sales and logistics experts': 'Forum questions-réponses du recouvrement avec les experts des ventes et de la logistique',
  'Collectors post each disputed invoice as a question; named experts in sales and logistics answer within 24 hours, and answers are reused for similar disputes.':
    'Le recouvrement pose chaque facture en litige comme une question ; des experts nommés des ventes et de la logistique répondent sous 24 heures, et les réponses resservent pour les litiges semblables.',
  'DSO down by 5 to 7 days, i.e. cash released of about revenue ÷ 365 × 6.':
    'DSO en baisse de 5 à 7 jours, soit une trésorerie libérée d’environ chiffre d’affaires ÷ 365 × 6.',

  // ------------------------------------------------------------------ Finance: indicators
  'AP cost per invoice': 'Coût de traitement par facture fournisseur',
  'AP cost dashboard (BI)': 'Tableau de bord des coûts de la comptabilité fournisseurs (BI)',
  'Total cost of the AP process ÷ invoices processed': 'Coût total du processus fournisseurs ÷ factures traitées',
  'Invoice-to-payment days': 'Délai facture-paiement',
  'ERP AP ageing report': "Balance âgée fournisseurs de l'ERP",
  'Average of (payment date − invoice receipt date) for the invoices paid in the week':
    'Moyenne de (date de paiement − date de réception de la facture) des factures payées dans la semaine',
  'Invoices paid late': 'Factures payées en retard',
  'ERP payment history': "Historique des paiements de l'ERP",
  'Invoices paid after their due date ÷ invoices paid × 100': 'Factures payées après leur échéance ÷ factures payées × 100',
  'Supplier payment-status enquiries': 'Demandes d’état de paiement des fournisseurs',
  'AP shared mailbox, tagged "status"': 'Boîte partagée de la comptabilité fournisseurs, étiquette « état »',
  'Status enquiries received from suppliers in the month': "Demandes d'état reçues des fournisseurs dans le mois",
  'Days to close': 'Délai de clôture',
  'Close calendar': 'Calendrier de clôture',
  'Working days from period end to the release of the consolidated management pack':
    'Jours ouvrés entre la fin de période et la diffusion du rapport de gestion consolidé',
  'Manual correcting journals': 'Écritures correctives manuelles',
  'ERP journal register (manual, reason "correction")': "Journal des écritures de l'ERP (manuelles, motif « correction »)",
  'Manual correcting journals posted in the month': 'Écritures correctives manuelles passées dans le mois',
  'DSO (days sales outstanding)': 'DSO (délai moyen de paiement clients)',
  'ERP receivables ageing and revenue (BI)': "Balance âgée clients et chiffre d'affaires de l'ERP (BI)",
  'Trade receivables at month-end ÷ revenue of the last 3 months × 91': 'Créances clients en fin de mois ÷ chiffre d’affaires des 3 derniers mois × 91',
  'Forum questions answered within 24 h': 'Questions du forum résolues sous 24 h',
  'Viva Engage community analytics': 'Statistiques de la communauté Viva Engage',
  'Questions with an accepted answer within 24 h ÷ questions asked × 100': 'Questions ayant une réponse acceptée sous 24 h ÷ questions posées × 100',

  // ------------------------------------------------------------------ HR: processes
  'Human resources': 'Ressources humaines',
  Recruiting: 'Recrutement',
  'Nadia Haddad (Talent acquisition lead)': 'Nadia Haddad (responsable du recrutement)',
  'From the approved requisition to the accepted offer and the hand-over to onboarding.':
    "De la demande de recrutement approuvée à la proposition acceptée et au passage de relais à l'intégration.",
  'Open and approve the requisition': 'Ouvrir et approuver la demande de recrutement',
  'Hiring manager': 'Manager recruteur',
  'Source candidates (job boards, referrals, agencies)': 'Trouver des candidats (sites d’emploi, cooptation, cabinets)',
  Recruiter: 'Chargé de recrutement',
  'Candidate pipeline': 'Vivier de candidats',
  'Screen applications and run phone interviews': 'Trier les candidatures et mener les entretiens téléphoniques',
  Shortlist: 'Liste restreinte',
  'Schedule and run interviews': 'Planifier et mener les entretiens',
  'Interview feedback': 'Retours d’entretien',
  'Approve and send the offer': "Valider et envoyer la proposition d'embauche",
  'HR business partner': 'HR business partner',
  'Signed offer': 'Proposition signée',
  'Close the requisition and hand over to onboarding': "Clore la demande et passer le relais à l'intégration",
  'New-hire record': 'Dossier du nouvel arrivant',
  Onboarding: 'Intégration des nouveaux arrivants',
  'Marc Dubois (HR business partner)': 'Marc Dubois (HR business partner)',
  'The first 90 days of a new hire, until they work autonomously.': "Les 90 premiers jours d'un nouvel arrivant, jusqu'à ce qu'il travaille en autonomie.",
  'Sign the contract and create the HRIS record': 'Signer le contrat et créer le dossier dans le SIRH',
  'HR administration': 'Administration du personnel',
  'Employee record': 'Dossier salarié',
  'Provision laptop, badge and access': 'Fournir ordinateur, badge et accès',
  'IT service desk': 'Support informatique',
  'Working equipment': 'Équipement opérationnel',
  'Welcome day and first-week plan': "Journée d'accueil et programme de la première semaine",
  'First-week plan': 'Programme de la première semaine',
  'Buddy check-ins': 'Points avec le parrain',
  Buddy: 'Parrain',
  'Answered questions': 'Questions résolues',
  'Mandatory and role training': 'Formations obligatoires et métier',
  'Learning & development': 'Formation et développement',
  'Completed curriculum': 'Parcours de formation terminé',
  '30-60-90-day review': 'Points d’étape à 30, 60 et 90 jours',
  'Review record': 'Compte rendu du point d’étape',

  // ------------------------------------------------------------------ HR: gaps
  'Interview scheduling ping-pong between recruiters and hiring managers': 'Allers-retours sans fin pour fixer les entretiens entre recruteurs et managers',
  'Slots are negotiated by e-mail between recruiter, manager, panel and candidate; each round trip costs a day.':
    'Les créneaux se négocient par e-mail entre recruteur, manager, jury et candidat ; chaque aller-retour coûte une journée.',
  'Sample of 40 interviews: 6 e-mails and 4 days on average to fix one slot.': 'Échantillon de 40 entretiens : 6 e-mails et 4 jours en moyenne pour fixer un créneau.',
  'Nadia Haddad': 'Nadia Haddad',
  'Offers wait for three signatures': 'Les propositions d’embauche attendent trois signatures',
  'Every offer needs the manager, the HR business partner and the finance controller; nobody sees where it is stuck.':
    'Chaque proposition demande le manager, le HR business partner et le contrôleur financier ; personne ne voit où elle est bloquée.',
  'Offer approval takes 6 working days on average; 5 candidates accepted another offer in the meantime last year.':
    "La validation d'une proposition prend 6 jours ouvrés en moyenne ; 5 candidats ont accepté une autre offre entre-temps l'an dernier.",
  'Marc Dubois': 'Marc Dubois',
  'Sourcing know-how for niche profiles leaves with agency recruiters': 'Le savoir-faire de recherche des profils rares part avec les cabinets de recrutement',
  'Which channels work for data engineers or customs specialists is known by the agency, not by us.':
    'Les canaux qui marchent pour les data engineers ou les spécialistes douane, c’est le cabinet qui les connaît, pas nous.',
  '4 niche requisitions re-opened last year after the agency contract changed; search restarted from zero each time.':
    "4 recrutements rares rouverts l'an dernier après le changement de cabinet ; la recherche est repartie de zéro à chaque fois.",
  'New hires do not know whom to ask in their first weeks': 'Les nouveaux arrivants ne savent pas à qui s’adresser les premières semaines',
  'Questions on tools, customers and unwritten rules go to the manager, who is busy, or stay unasked.':
    'Les questions sur les outils, les clients et les règles non écrites vont au manager, qui est débordé, ou ne sont jamais posées.',
  'Onboarding survey: 62 % of new hires "did not know whom to ask"; 4 IT and HR tickets per new hire in month one.':
    "Enquête d'intégration : 62 % des nouveaux arrivants « ne savaient pas à qui demander » ; 4 tickets informatique et RH par arrivant le premier mois.",
  "No loop back from new hires' experience to the onboarding programme": "Aucun retour de l'expérience des nouveaux arrivants vers le programme d'intégration",
  'The 90-day review is about the new hire, never about the onboarding; the same pain points hit every cohort.':
    "Le point à 90 jours porte sur le nouvel arrivant, jamais sur l'intégration ; les mêmes difficultés touchent chaque promotion.",
  'Exit interviews of first-year leavers cite the same three onboarding issues two years in a row.':
    "Les entretiens de départ de la première année citent les trois mêmes problèmes d'intégration deux ans de suite.",
  'Product trainers cannot be found for specialist roles': 'Impossible de trouver des formateurs produit pour les postes spécialisés',
  'New specialists wait for a trainer who knows their product line.': 'Les nouveaux spécialistes attendent un formateur qui connaît leur gamme de produits.',
  'Three requests in the L&D mailbox last quarter.': 'Trois demandes dans la boîte de la formation le trimestre dernier.',

  // ------------------------------------------------------------------ HR: interventions
  'Shared interview calendar with Teams scheduling and @mention nudges': 'Agenda d’entretiens partagé, planification dans Teams et relances par @mention',
  'Panels publish free slots in a shared calendar; candidates book themselves; pending offers are posted in a Teams channel with the next signer @mentioned.':
    "Les jurys publient leurs créneaux libres dans un agenda partagé ; les candidats réservent eux-mêmes ; les propositions en attente sont publiées dans un canal Teams avec le prochain signataire @mentionné.",
  'Time to fill down by 10 days; fewer candidates lost to competing offers.': 'Délai de recrutement réduit de 10 jours ; moins de candidats perdus au profit d’offres concurrentes.',
  'Onboarding buddy network': 'Réseau de parrains pour l’intégration',
  'Every new hire gets a trained buddy from another team, weekly check-ins for 90 days and a shared Teams space of buddies.':
    "Chaque nouvel arrivant reçoit un parrain formé d'une autre équipe, un point hebdomadaire pendant 90 jours et un espace Teams partagé des parrains.",
  'First-year turnover from 18 % to 13 %; new hires productive three weeks earlier.':
    'Turnover de première année de 18 % à 13 % ; nouveaux arrivants productifs trois semaines plus tôt.',
  'New-hire pulse and onboarding retrospective community': "Baromètre des nouveaux arrivants et communauté de rétrospective de l'intégration",
  'A 3-question pulse at day 30 and day 90, discussed each quarter with managers and buddies in an open community.':
    'Un baromètre de 3 questions à 30 et 90 jours, discuté chaque trimestre avec les managers et les parrains dans une communauté ouverte.',
  'Fix the recurring onboarding issues before they cost a leaver.': "Corriger les problèmes d'intégration récurrents avant qu'ils ne coûtent un départ.",

  // ------------------------------------------------------------------ HR: indicators
  'Time to fill': 'Délai de recrutement',
  'HRIS recruiting report': 'Rapport de recrutement du SIRH',
  'Calendar days from requisition approval to offer acceptance, average of the requisitions closed in the month':
    "Jours calendaires entre l'approbation de la demande et l'acceptation de la proposition, moyenne des recrutements clos dans le mois",
  'Cost per hire': 'Coût par recrutement',
  'HR cost report': 'Rapport des coûts RH',
  '(Agency fees + advertising + recruiter time) ÷ hires in the month': '(Honoraires des cabinets + annonces + temps des recruteurs) ÷ embauches du mois',
  'First-year turnover': 'Turnover de première année',
  'HRIS headcount and leavers': 'Effectifs et départs du SIRH',
  'Leavers with less than 12 months of service over the last 12 months ÷ hires over the same 12 months × 100':
    "Départs de moins de 12 mois d'ancienneté sur les 12 derniers mois ÷ embauches des mêmes 12 mois × 100",
  'Time to productivity': 'Délai d’autonomie',
  'Manager survey at day 90': 'Enquête auprès des managers à 90 jours',
  "Days until the manager rates the new hire autonomous on core tasks, average of the month's cohort":
    "Jours avant que le manager juge le nouvel arrivant autonome sur l'essentiel du poste, moyenne de la promotion du mois",
  'Active buddy pairs': 'Binômes de parrainage actifs',
  'Buddy network roster': 'Liste du réseau de parrains',
  'Buddy pairs with at least two check-ins in the month': 'Binômes ayant fait au moins deux points dans le mois',

  // ------------------------------------------------------------------ Supply chain: processes
  'Supply chain': 'Supply chain',
  'Order fulfilment': 'Exécution des commandes',
  'Thomas Moreau (Logistics manager)': 'Thomas Moreau (responsable logistique)',
  'From the customer order to the delivered goods and the handling of delivery claims.':
    'De la commande client à la livraison et au traitement des réclamations de livraison.',
  'Receive and validate the customer order': 'Recevoir et valider la commande client',
  'Customer service': 'Service client',
  'Validated order': 'Commande validée',
  'Check availability and allocate stock': 'Vérifier la disponibilité et affecter le stock',
  'Supply planning': "Planification de l'approvisionnement",
  'Allocated order': 'Commande affectée',
  'Pick, pack and load': 'Préparer, emballer et charger',
  'Pick list': 'Liste de préparation',
  'Loaded shipment': 'Expédition chargée',
  'Book the carrier and ship': 'Réserver le transporteur et expédier',
  Transport: 'Transport',
  'Shipping confirmation': "Confirmation d'expédition",
  'Collect proof of delivery and handle claims': 'Récupérer la preuve de livraison et traiter les réclamations',
  'Signed delivery note, claim': 'Bon de livraison signé, réclamation',
  'Closed claim': 'Réclamation close',
  'Sales & operations planning (S&OP)': 'Plan industriel et commercial (PIC / S&OP)',
  'Léa Rousseau (Demand & supply planning lead)': 'Léa Rousseau (responsable de la planification de la demande et de l’offre)',
  'The monthly cycle that agrees one plan for demand, supply and finance.': 'Le cycle mensuel qui arrête un seul plan pour la demande, l’offre et la finance.',
  'Build the statistical forecast': 'Établir la prévision statistique',
  'Demand planning': 'Planification de la demande',
  'Baseline forecast': 'Prévision de base',
  'Demand review with sales': 'Revue de la demande avec les ventes',
  Sales: 'Ventes',
  'Consensus demand': 'Demande consensuelle',
  'Supply review and constraints': 'Revue de l’offre et des contraintes',
  'Constrained supply plan': 'Plan d’offre sous contraintes',
  'Reconcile volumes with the financial plan': 'Réconcilier les volumes avec le plan financier',
  'Finance business partner': 'Contrôleur de gestion',
  'Financial view of the plan': 'Vision financière du plan',
  'Executive S&OP meeting and decisions': 'PIC de direction et décisions',
  'Management team': 'Comité de direction',
  'Decisions and one agreed plan': 'Décisions et un plan unique validé',

  // ------------------------------------------------------------------ Supply chain: gaps
  'Carrier booking hand-off by e-mail delays shipments': 'La réservation des transporteurs transmise par e-mail retarde les expéditions',
  'Transport books carriers from an e-mail sent by the warehouse; confirmations come back late or to the wrong person.':
    "Le transport réserve les transporteurs à partir d'un e-mail de l'entrepôt ; les confirmations reviennent tard ou à la mauvaise personne.",
  'WMS: 18 % of orders ready but not shipped the same day, two thirds of them waiting for a carrier confirmation.':
    'WMS : 18 % des commandes prêtes ne partent pas le jour même, dont deux tiers attendent la confirmation d’un transporteur.',
  'Thomas Moreau': 'Thomas Moreau',
  'Delivery claims never reach the warehouse team': "Les réclamations de livraison n'arrivent jamais à l'équipe de l'entrepôt",
  'Customer service settles claims with the customer; the pickers and packers who caused them never hear of it.':
    "Le service client règle les réclamations avec le client ; les préparateurs et emballeurs qui les ont causées n'en entendent jamais parler.",
  '45 claims a month (damaged, short, wrong item); the warehouse hears of 1 in 10 and the same packing errors recur.':
    "45 réclamations par mois (casse, manquant, erreur d'article) ; l'entrepôt en apprend 1 sur 10 et les mêmes erreurs d'emballage reviennent.",
  "Warehouse operators' improvement ideas are never collected": "Les idées d'amélioration des opérateurs de l'entrepôt ne sont jamais recueillies",
  'Operators see slotting and packing improvements every day; there is no channel for them and no one answers.':
    "Les opérateurs voient chaque jour des améliorations d'adressage et d'emballage ; aucun canal ne les recueille et personne ne répond.",
  'Team meetings and exit interviews: slotting and packing suggestions repeated, never recorded.':
    "Réunions d'équipe et entretiens de départ : les suggestions d'adressage et d'emballage reviennent, jamais notées.",
  'Warehouse supervisor': "Chef d'équipe entrepôt",
  'Sales market intelligence does not reach the demand review': "Ce que les ventes savent du marché n'arrive pas à la revue de la demande",
  'Promotions and lost tenders known to sales weeks ahead show up in the forecast after the fact.':
    "Les promotions et les appels d'offres perdus, connus des ventes des semaines à l'avance, n'apparaissent dans la prévision qu'après coup.",
  '8 forecast post-mortems last year traced to information sales had but did not share.':
    "8 analyses d'erreurs de prévision l'an dernier remontent à une information que les ventes avaient sans la partager.",
  'Léa Rousseau': 'Léa Rousseau',
  'Supply constraints wait for the monthly meeting to be decided': "Les contraintes d'approvisionnement attendent la réunion mensuelle pour être tranchées",
  'Allocation decisions on scarce items are parked until the executive S&OP meeting.': "Les décisions d'affectation des articles rares attendent le PIC de direction.",
  '10 constraint escalations a month, decided 12 days after they are raised on average.': '10 escalades de contraintes par mois, tranchées en moyenne 12 jours après avoir été soulevées.',
  'Paper proofs of delivery get lost between driver and customer service': 'Les preuves de livraison papier se perdent entre le chauffeur et le service client',
  'Signed delivery notes travel back with drivers and are sometimes lost.': 'Les bons de livraison signés reviennent avec les chauffeurs et se perdent parfois.',
  'About 30 missing proofs a month; handled by the electronic-POD project of the transport tender.':
    "Environ 30 preuves manquantes par mois ; traité par le projet de preuve de livraison électronique de l'appel d'offres transport.",

  // ------------------------------------------------------------------ Supply chain: interventions
  'Comments and @mentions on deliveries in the ERP (claims loop)': "Commentaires et @mentions sur les livraisons dans l'ERP (boucle des réclamations)",
  'Each claim becomes a comment thread on the delivery in the ERP, with the picker, packer and carrier @mentioned; the warehouse reviews the week’s threads every Monday.':
    "Chaque réclamation devient un fil de commentaires sur la livraison dans l'ERP, avec le préparateur, l'emballeur et le transporteur @mentionnés ; l'entrepôt revoit les fils de la semaine chaque lundi.",
  'Perfect order from 88 % to 93 %; a day less of fulfilment cycle time.': 'Commandes parfaites de 88 % à 93 % ; un jour de moins de délai d’exécution.',
  'Shared Slack channel with carriers': 'Canal Slack partagé avec les transporteurs',
  'Transport planner': 'Planificateur transport',
  'A shared channel to confirm bookings with the three main carriers. Stopped: two carriers never joined.':
    "Un canal partagé pour confirmer les réservations avec les trois principaux transporteurs. Arrêté : deux transporteurs ne l'ont jamais rejoint.",
  'Same-day confirmation of bookings.': 'Réservations confirmées le jour même.',
  'Warehouse idea challenge "Pick smarter"': "Challenge d'idées de l'entrepôt « Préparer malin »",
  'A three-month challenge: operators post ideas from a kiosk, vote, and the best ones are implemented with them.':
    'Un challenge de trois mois : les opérateurs déposent leurs idées depuis une borne, votent, et les meilleures sont mises en œuvre avec eux.',
  'Ideas from the floor implemented every month.': 'Des idées du terrain mises en œuvre chaque mois.',
  'Demand-sensing community: sales and planners working out loud': 'Communauté de captation de la demande : ventes et planificateurs travaillent à voix haute',
  'Sales post promotions, tenders and customer signals as they happen; planners answer with the forecast impact; urgent constraints are decided in the thread within 48 hours.':
    "Les ventes publient promotions, appels d'offres et signaux clients au fil de l'eau ; les planificateurs répondent avec l'effet sur la prévision ; les contraintes urgentes sont tranchées dans le fil sous 48 heures.",
  'Forecast accuracy up by 5 to 8 points; constraint decisions in 2 days instead of 12.':
    'Fiabilité des prévisions en hausse de 5 à 8 points ; contraintes tranchées en 2 jours au lieu de 12.',

  // ------------------------------------------------------------------ Supply chain: indicators
  'Perfect order fulfilment': 'Taux de commandes parfaites',
  'Delivery quality dashboard': 'Tableau de bord de la qualité de livraison',
  'Orders delivered complete, on time, undamaged and with correct documents ÷ orders delivered × 100':
    'Commandes livrées complètes, à l’heure, intactes et avec les bons documents ÷ commandes livrées × 100',
  'Order fulfilment cycle time': "Délai d'exécution des commandes",
  'ERP order history': "Historique des commandes de l'ERP",
  'Average days from order receipt to customer delivery': 'Nombre moyen de jours entre la réception de la commande et la livraison au client',
  'Forecast accuracy': 'Fiabilité des prévisions',
  'Demand planning BI (SKU × month, lag 1)': 'BI de planification de la demande (article × mois, décalage 1)',
  '(1 − Σ|actual − forecast| ÷ Σ actual) × 100, lag-1 monthly forecast': '(1 − Σ|réel − prévision| ÷ Σ réel) × 100, prévision mensuelle à décalage 1',
  'Warehouse ideas implemented': "Idées de l'entrepôt mises en œuvre",
  'Idea board on Viva Engage': 'Mur d’idées sur Viva Engage',
  'Ideas from the floor implemented in the month': 'Idées du terrain mises en œuvre dans le mois',
  'Cash-to-cash cycle time': 'Cycle de conversion de trésorerie (cash-to-cash)',
  'Working-capital dashboard': 'Tableau de bord du BFR',
  'Days of inventory + days sales outstanding − days payables outstanding': 'Jours de stock + délai moyen de paiement clients − délai moyen de paiement fournisseurs',
  // Benefit models of the interventions.
  'AP chasing time released': 'Temps de relance de la comptabilité fournisseurs libéré',
  'Late-payment fees avoided': 'Pénalités de retard de paiement évitées',
  'Close effort released': 'Effort de clôture libéré',
  'Financing saved on cash released by a lower DSO': 'Frais financiers économisés sur la trésorerie libérée par un DSO plus court',
  'Dispute handling time released': 'Temps de traitement des litiges libéré',
  'Recruiter scheduling time released': 'Temps de planification des recruteurs libéré',
  'Early leavers avoided (replacement cost)': 'Départs précoces évités (coût de remplacement)',
  'Carrier claims recovered in time': 'Réclamations transporteurs recouvrées à temps',
  'Planner firefighting time released': 'Temps d’urgence des planificateurs libéré',
  'Late-payment fees and interest avoided': 'Pénalités et intérêts de retard de paiement évités',
  'AP time no longer spent chasing buyers': 'Temps de la comptabilité fournisseurs qui ne relance plus les acheteurs',
  'Status e-mails no longer answered by hand': 'E-mails de suivi auxquels on ne répond plus à la main',
  'Overtime and temporary staff at month-end': 'Heures supplémentaires et intérimaires de fin de mois',
  'Accountants’ hours at close': 'Heures des comptables à la clôture',
  'Receivables cash released (DSO)': 'Trésorerie libérée sur les créances clients (DSO)',
  'Collectors’ time on disputes': 'Temps des chargés de recouvrement sur les litiges',
  'Agency and job-board fees avoided': 'Frais de cabinets et de sites d’emploi évités',
  'Recruiters’ scheduling time': 'Temps de planification des recruteurs',
  'Replacement of first-year leavers avoided': 'Remplacement des départs de première année évité',
  'Claims credit notes and re-deliveries avoided': 'Avoirs et relivraisons liés aux réclamations évités',
  'A shared channel to confirm bookings with the three main carriers. Stopped: two carriers never joined, and the Impact tab finds no clear effect on cycle time — so no benefit is claimed.': 'Un canal partagé pour confirmer les réservations avec les trois principaux transporteurs. Arrêté\xa0: deux transporteurs ne l’ont jamais rejoint, et l’onglet Impact ne trouve pas d’effet net sur le délai — aucun gain n’est donc revendiqué.',
  'Picking time saved by the implemented ideas': 'Temps de préparation gagné grâce aux idées mises en œuvre',
  'Expediting and stock write-offs avoided': 'Relances urgentes et dépréciations de stock évitées',
  'Planners’ time in escalation meetings': 'Temps des planificateurs en réunions d’escalade',
};
