"""Phrase files for languages other than English: German, French, Spanish, Italian, Portuguese,
Dutch and Russian.

Every example sits in the middle of a short article in its language, so that language detection
picks the language and its phrase file (followed by English) is applied, as in real use.
Boilerplate lines must be split off with their kind; body paragraphs that merely mention
newsletters, cookies, sharing or comments must stay.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest

from artclean import Options, clean
from artclean.boilerplate import available_languages, phrasebook
from artclean.normalize import comparable
from artclean.pipeline import analyse

LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "ru")

# The kinds every phrase file covers (those of en.toml's phrase rules, besides related lists).
PHRASE_KINDS = {
    "syndication",
    "legal",
    "cookie",
    "share",
    "subscribe",
    "advertisement",
    "comments",
    "navigation",
}

ARTICLES: dict[str, list[str]] = {
    "de": [
        "Der Stadtrat hat am Dienstag nach einer mehr als vierstündigen Debatte den neuen "
        "Nahverkehrsplan beschlossen. Die Mehrheit setzte sich gegen die Stimmen der Opposition "
        "durch, die vor allem die Kosten des Projekts kritisiert hatte.",
        "Kern des Plans ist eine neue Straßenbahnlinie, die den Hauptbahnhof mit den wachsenden "
        "Stadtteilen im Norden verbinden soll. Nach Angaben der Verwaltung könnten dort schon "
        "bald mehr als 30.000 Fahrgäste am Tag unterwegs sein.",
        "Die Bauarbeiten für den ersten Abschnitt sollen im kommenden Frühjahr beginnen. Die "
        "Stadt rechnet mit Kosten von rund 280 Millionen Euro, von denen der Bund und das Land "
        "einen großen Teil übernehmen wollen, wie die Verkehrsdezernentin nach der Sitzung sagte.",
        "Anwohner entlang der geplanten Strecke hatten in den vergangenen Monaten mehrfach gegen "
        "den Wegfall von Parkplätzen protestiert. Die Stadt will nun mit einer Bürgerversammlung "
        "im Januar auf die Sorgen eingehen und die genaue Trasse noch einmal vorstellen.",
    ],
    "fr": [
        "Le conseil municipal a adopté mardi le nouveau plan de transports après un débat de "
        "plus de quatre heures. La majorité l'a emporté face à l'opposition, qui dénonçait "
        "surtout le coût du projet et le calendrier des travaux.",
        "Au cœur du plan figure une nouvelle ligne de tramway qui doit relier la gare centrale "
        "aux quartiers en pleine croissance du nord de la ville. Selon la mairie, plus de 30 000 "
        "voyageurs pourraient l'emprunter chaque jour d'ici à la fin de la décennie.",
        "Les travaux du premier tronçon doivent commencer au printemps prochain. La ville estime "
        "le coût total à environ 280 millions d'euros, dont une grande partie serait prise en "
        "charge par l'État et la région, a précisé l'adjointe chargée des mobilités.",
        "Les riverains du futur tracé ont manifesté à plusieurs reprises ces derniers mois contre "
        "la suppression de places de stationnement. La mairie organisera une réunion publique en "
        "janvier pour répondre à leurs inquiétudes et présenter le tracé définitif.",
    ],
    "es": [
        "El pleno del Ayuntamiento aprobó el martes el nuevo plan de transporte tras un debate "
        "de más de cuatro horas. La mayoría se impuso a la oposición, que criticó sobre todo el "
        "coste del proyecto y los plazos de las obras.",
        "El eje del plan es una nueva línea de tranvía que unirá la estación central con los "
        "barrios del norte de la ciudad, que no han dejado de crecer en los últimos años. Según "
        "el consistorio, más de 30.000 viajeros podrían utilizarla cada día.",
        "Las obras del primer tramo comenzarán la próxima primavera. La ciudad calcula un coste "
        "de unos 280 millones de euros, de los que el Estado y la comunidad autónoma asumirán una "
        "buena parte, según explicó la concejala de Movilidad al término de la sesión.",
        "Los vecinos del futuro trazado han protestado en varias ocasiones durante los últimos "
        "meses por la desaparición de plazas de aparcamiento. El Ayuntamiento celebrará una "
        "reunión informativa en enero para responder a sus dudas y presentar el trazado final.",
    ],
    "it": [
        "Il consiglio comunale ha approvato martedì il nuovo piano dei trasporti dopo un "
        "dibattito durato più di quattro ore. La maggioranza ha prevalso sull'opposizione, che "
        "aveva criticato soprattutto i costi del progetto e i tempi dei lavori.",
        "Al centro del piano c'è una nuova linea del tram che collegherà la stazione centrale "
        "con i quartieri in crescita nella parte nord della città. Secondo il Comune, più di "
        "30.000 passeggeri potrebbero usarla ogni giorno entro la fine del decennio.",
        "I lavori del primo tratto dovrebbero cominciare la prossima primavera. La città stima "
        "un costo di circa 280 milioni di euro, in gran parte a carico dello Stato e della "
        "Regione, come ha spiegato l'assessora alla mobilità al termine della seduta.",
        "Negli ultimi mesi i residenti lungo il futuro tracciato hanno protestato più volte "
        "contro la cancellazione dei parcheggi. Il Comune organizzerà un'assemblea pubblica a "
        "gennaio per rispondere alle loro preoccupazioni e presentare il percorso definitivo.",
    ],
    "pt": [
        "A Câmara Municipal aprovou na terça-feira o novo plano de transportes depois de um "
        "debate de mais de quatro horas. A maioria venceu a oposição, que criticou sobretudo o "
        "custo do projeto e os prazos das obras.",
        "O centro do plano é uma nova linha de elétrico que vai ligar a estação central aos "
        "bairros do norte da cidade, que não param de crescer. Segundo a autarquia, mais de "
        "30 mil passageiros poderão utilizá-la todos os dias até ao fim da década.",
        "As obras do primeiro troço devem começar na próxima primavera. A cidade estima um custo "
        "de cerca de 280 milhões de euros, dos quais o Estado e a região deverão pagar uma boa "
        "parte, como explicou a vereadora da mobilidade no fim da sessão.",
        "Os moradores ao longo do futuro traçado protestaram várias vezes nos últimos meses "
        "contra o fim de lugares de estacionamento. A Câmara vai organizar uma sessão pública em "
        "janeiro para responder às suas preocupações e apresentar o traçado definitivo.",
    ],
    "nl": [
        "De gemeenteraad heeft dinsdag na een debat van meer dan vier uur het nieuwe "
        "vervoersplan aangenomen. De meerderheid kreeg het plan erdoor tegen de stemmen van de "
        "oppositie in, die vooral kritiek had op de kosten van het project.",
        "De kern van het plan is een nieuwe tramlijn die het centraal station moet verbinden met "
        "de snel groeiende wijken in het noorden van de stad. Volgens de gemeente kunnen er straks "
        "meer dan 30.000 reizigers per dag gebruik van maken.",
        "De bouw van het eerste deel moet volgend voorjaar beginnen. De stad rekent op een "
        "bedrag van ongeveer 280 miljoen euro, waarvan het Rijk en de provincie een groot deel "
        "willen betalen, zei de wethouder verkeer na afloop van de vergadering.",
        "Bewoners langs het geplande tracé hebben de afgelopen maanden meerdere keren "
        "geprotesteerd tegen het verdwijnen van parkeerplaatsen. De gemeente houdt in januari een "
        "bewonersavond om hun zorgen te bespreken en het definitieve tracé te laten zien.",
    ],
    "ru": [
        "Городской совет во вторник после более чем четырехчасовых дебатов утвердил новый план "
        "развития общественного транспорта. Большинство депутатов поддержало документ, хотя "
        "оппозиция критиковала прежде всего стоимость проекта.",
        "Главная часть плана — новая трамвайная линия, которая свяжет центральный вокзал с "
        "быстро растущими районами на севере города. По данным мэрии, уже через несколько лет ею "
        "смогут пользоваться более 30 тысяч пассажиров в день.",
        "Строительство первого участка должно начаться следующей весной. Город оценивает "
        "стоимость работ примерно в 28 миллиардов рублей, и значительную часть этих денег, как "
        "сообщила после заседания вице-мэр по транспорту, выделит федеральный бюджет.",
        "Жители домов вдоль будущей линии в последние месяцы несколько раз протестовали против "
        "сокращения парковочных мест. В январе мэрия проведет публичные слушания, чтобы ответить "
        "на их вопросы и показать окончательный маршрут.",
    ],
}


def article(language: str, *lines: str) -> str:
    """The language's article with these lines between its second and third paragraphs."""
    paragraphs = ARTICLES[language]
    return "".join(line + "\n" for line in (*paragraphs[:2], *lines, *paragraphs[2:]))


POSITIVE: dict[str, dict[str, list[str]]] = {
    "de": {
        "syndication": [
            "Dieser Artikel erschien zuerst bei Zeit Online.",
            "Dieser Artikel ist zuerst auf tagesschau.de erschienen.",
            "Der Text erschien ursprünglich auf Englisch im Guardian.",
            "Dieser Text erschien in der Ausgabe 12/2024 des Magazins.",
            "Eine frühere Version dieses Artikels erschien im Februar.",
            "Zuerst erschienen bei netzpolitik.org",
            "Wir veröffentlichen diesen Beitrag mit freundlicher Genehmigung von Krautreporter.",
            "Dieser Text steht unter einer Creative-Commons-Lizenz (CC BY 4.0).",
            "Dieser Text entstand in Kooperation mit dem Bayerischen Rundfunk.",
            "Aus dem Englischen übersetzt von Anna Müller.",
            "(dpa)",
            "dpa/lnw",
            "Quelle: dpa",
            "Mit Material von dpa und AFP",
            "(AFP/dpa)",
            "© dpa-infocom, dpa:240512-99-123456/3",
            "Correctiv ist ein gemeinnütziges, unabhängiges Recherchezentrum, das sich durch "
            "Spenden finanziert.",
        ],
        "related": [
            "Lesen Sie auch: Wie die Stadt ihre Schulden abbaut",
            "Mehr zum Thema: Warum die Mieten weiter steigen",
        ],
        "legal": [
            "Alle Rechte vorbehalten.",
            "© 2024 Süddeutsche Zeitung GmbH",
            "Impressum | Datenschutz | Kontakt",
            "Datenschutzerklärung",
            "Nachdruck nur mit Genehmigung des Verlags.",
            "Alle Inhalte sind urheberrechtlich geschützt.",
        ],
        "cookie": [
            "Wir verwenden Cookies, um Ihnen ein optimales Nutzererlebnis zu bieten.",
            "Diese Website verwendet Cookies.",
            "Um unsere Webseite für Sie optimal zu gestalten und fortlaufend verbessern zu "
            "können, verwenden wir Cookies.",
            "Durch die weitere Nutzung der Webseite stimmen Sie der Verwendung von Cookies zu.",
            "Alle akzeptieren",
            "Nur notwendige Cookies",
            "Cookie-Einstellungen",
            "Empfohlener redaktioneller Inhalt",
            "An dieser Stelle finden Sie einen externen Inhalt von X, der den Artikel ergänzt.",
            "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Damit können "
            "personenbezogene Daten an Drittplattformen übermittelt werden.",
        ],
        "share": [
            "Teilen",
            "Artikel teilen",
            "Auf Facebook teilen",
            "Per E-Mail versenden",
            "Link kopieren",
            "Folgen Sie uns auf Facebook und Instagram",
            "Folgen Sie der Autorin auf X",
            "Abonnieren Sie unseren WhatsApp-Kanal",
            "Facebook Twitter WhatsApp E-Mail",
        ],
        "subscribe": [
            "Newsletter abonnieren",
            "Jetzt den kostenlosen Newsletter abonnieren",
            "Melden Sie sich für unseren Newsletter an",
            "Hier den Newsletter „Was jetzt?“ abonnieren",
            "Ihre E-Mail-Adresse",
            "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
            "Vielen Dank für Ihre Anmeldung!",
            "Jetzt abonnieren",
            "Sie haben bereits ein Abo? Hier anmelden",
            "Dieser Artikel ist exklusiv für Abonnenten.",
            "Weiterlesen mit Z+",
            "Jetzt 4 Wochen kostenlos testen",
            "Unterstützen Sie unabhängigen Journalismus",
        ],
        "advertisement": [
            "Anzeige",
            "WERBUNG",
            "Der Artikel wird unterhalb der Anzeige fortgesetzt.",
            "Weiter nach der Anzeige",
            "Dieser Artikel enthält Affiliate-Links. Wenn Sie über diese Links einkaufen, "
            "erhalten wir eine Provision.",
        ],
        "comments": [
            "Kommentare (12)",
            "12 Kommentare",
            "Schreiben Sie einen Kommentar",
            "Diskutieren Sie mit!",
            "Noch keine Kommentare",
            "Die Kommentarfunktion ist geschlossen.",
            "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * "
            "markiert",
            "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser speichern, "
            "bis ich wieder kommentiere.",
        ],
        "caption": ["Foto: dpa/Michael Kappeler", "Bild: Keystone", "Symbolbild"],
        "boilerplate": [
            "Veröffentlicht am 12.05.2024, 10:30 Uhr",
            "Aktualisiert am 13. Mai 2024, 08:15 Uhr",
            "Lesezeit: 4 Minuten",
        ],
        "navigation": [
            "Startseite",
            "Zum Inhalt springen",
            "Direkt zum Inhalt",
            "Menü öffnen",
            "Zurück zum Seitenanfang",
            "Nächster Artikel",
            "Sie sind hier: Startseite > Politik > Ausland",
            "Startseite » Politik » Ausland",
        ],
    },
    "fr": {
        "syndication": [
            "Cet article a été publié initialement dans Libération.",
            "Cet article a d'abord été publié sur le site de Mediapart.",
            "Cet article est paru dans Le Monde du 12 mai 2024.",
            "Cette tribune a été publiée dans Le Figaro.",
            "Initialement publié sur Reporterre",
            "Cet article est republié à partir de The Conversation sous licence Creative "
            "Commons. Lire l'article original.",
            "Cet article a été réalisé en partenariat avec Mediacités.",
            "Traduit de l'anglais par Marie Dupont.",
            "(AFP)",
            "Avec AFP",
            "Le Monde avec AFP",
            "Source : AFP",
            "Reporterre est un média indépendant, à but non lucratif et sans publicité.",
        ],
        "related": [
            "Lire aussi : La réforme des retraites adoptée au Sénat",
            "Lire aussi | Article réservé à nos abonnés Les maires face à la crise du logement",
            "Lire le décryptage | Pourquoi les prix de l'énergie flambent",
            "À lire aussi : Les dix villes où il fait bon vivre",
        ],
        "legal": [
            "Tous droits réservés.",
            "© 2024 Le Monde. Tous droits réservés.",
            "Mentions légales",
            "Mentions légales | Politique de confidentialité | Contact",
            "Accessibilité : partiellement conforme",
            "Toute reproduction, même partielle, est interdite sans autorisation.",
        ],
        "cookie": [
            "Nous utilisons des cookies pour améliorer votre expérience.",
            "Ce site utilise des cookies.",
            "Avec votre accord, nous et nos partenaires utilisons des cookies ou technologies "
            "similaires pour stocker et accéder à des informations personnelles comme votre "
            "visite sur ce site.",
            "En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies.",
            "Ce contenu est bloqué car vous n'avez pas accepté les cookies et autres traceurs.",
            "Tout accepter",
            "Continuer sans accepter",
            "Paramétrer les cookies",
        ],
        "share": [
            "Partager",
            "Partager cet article",
            "Partager sur Facebook",
            "Envoyer par e-mail",
            "Copier le lien",
            "Suivez-nous sur Facebook",
            "Suivez-nous sur les réseaux sociaux",
            "Suivez Le Monde sur Instagram",
            "Rejoignez notre chaîne WhatsApp",
            "Facebook Twitter E-mail",
        ],
        "subscribe": [
            "Abonnez-vous à notre newsletter",
            "Inscrivez-vous à la newsletter",
            "Recevez gratuitement notre newsletter quotidienne",
            "Saisissez votre adresse e-mail",
            "Merci pour votre inscription !",
            "En vous inscrivant, vous acceptez notre politique de confidentialité.",
            "Abonnez-vous",
            "Déjà abonné ? Se connecter",
            "Cet article est réservé aux abonnés.",
            "Il vous reste 75.26% de cet article à lire. La suite est réservée aux abonnés.",
            "Soutenez un journalisme indépendant",
        ],
        "advertisement": [
            "Publicité",
            "PUBLICITÉ",
            "Contenu sponsorisé",
            "La suite après cette publicité",
            "Proposé par Renault",
            "En partenariat avec la Fondation de France",
            "Cet article contient des liens d'affiliation.",
        ],
        "comments": [
            "Commentaires",
            "12 commentaires",
            "Laisser un commentaire",
            "Soyez le premier à commenter",
            "Qu'en pensez-vous ?",
            "Les commentaires sont fermés.",
            "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués "
            "avec *",
            "Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain "
            "commentaire.",
        ],
        "caption": [
            "Crédit photo : Jean Dupont / Hans Lucas",
            "Photo d'illustration",
        ],
        "boilerplate": [
            "Publié le 12 mai 2024 à 10h30",
            "Mis à jour le 13 mai 2024 à 08h15",
            "Temps de lecture : 4 min",
        ],
        "navigation": [
            "Accueil",
            "Aller au contenu principal",
            "Passer au contenu",
            "Rechercher",
            "Retour en haut de la page",
            "Article suivant",
            "Vous êtes ici : Accueil > Actualités > Monde",
        ],
    },
    "es": {
        "syndication": [
            "Este artículo fue publicado originalmente en The Conversation.",
            "Este artículo se publicó originalmente en inglés en The Guardian.",
            "Esta nota fue publicada originalmente por Animal Político.",
            "Publicado originalmente en El Faro.",
            "Lea el original.",
            "Este artículo es republicado de The Conversation bajo una licencia de Creative "
            "Commons.",
            "Republicado con permiso de Agencia Ocote.",
            "Este reportaje fue realizado en colaboración con Connectas.",
            "Traducido del inglés por Pedro Gómez.",
            "(EFE)",
            "Con información de AFP",
            "Con información de EFE y Reuters",
            "Fuente: Europa Press",
            "Redacción / EFE",
            "Con información de El Universal",
            "El Faro es un periódico digital independiente y sin fines de lucro.",
        ],
        "related": [
            "Lee también: El Gobierno aprueba la reforma laboral",
            "LEA TAMBIÉN: Los diez destinos más baratos de 2024",
            "Te puede interesar: Cómo ahorrar en la factura de la luz",
        ],
        "legal": [
            "Todos los derechos reservados.",
            "© 2024 Prisa Media. Todos los derechos reservados.",
            "Aviso legal",
            "Aviso legal | Política de privacidad | Política de cookies",
            "Queda prohibida la reproducción total o parcial de este contenido sin autorización.",
        ],
        "cookie": [
            "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.",
            "Este sitio web utiliza cookies para mejorar su experiencia.",
            "Si continúa navegando, consideramos que acepta su uso.",
            "Aceptar todas",
            "Rechazar todo",
            "Configurar cookies",
        ],
        "share": [
            "Compartir",
            "Compartir en WhatsApp",
            "Compartir esta noticia",
            "Enviar por correo",
            "Copiar enlace",
            "Síguenos en Facebook",
            "Síguenos en nuestras redes sociales",
            "Sigue a El País en Instagram",
            "Únete a nuestro canal de WhatsApp",
            "Facebook Twitter WhatsApp Correo",
        ],
        "subscribe": [
            "Suscríbete a nuestro boletín",
            "Suscríbete a nuestra newsletter",
            "Recibe nuestro boletín en tu correo",
            "Introduce tu correo electrónico",
            "¡Gracias por suscribirte!",
            "Al suscribirte, aceptas nuestra política de privacidad.",
            "Suscríbete",
            "Iniciar sesión",
            "¿Ya eres suscriptor? Inicia sesión",
            "Este contenido es exclusivo para suscriptores.",
            "Suscríbete para seguir leyendo",
            "Hazte socio",
            "Apoya el periodismo independiente",
        ],
        "advertisement": [
            "Publicidad",
            "PUBLICIDAD",
            "Contenido patrocinado",
            "Patrocinado por Iberdrola",
            "La noticia continúa debajo del anuncio",
            "Anúnciate",
            "Este artículo contiene enlaces de afiliados.",
        ],
        "comments": [
            "Comentarios",
            "Comentarios (5)",
            "5 comentarios",
            "Deja tu comentario",
            "Sé el primero en comentar",
            "¿Qué opinas?",
            "Los comentarios están cerrados.",
            "Tu dirección de correo electrónico no será publicada. Los campos obligatorios "
            "están marcados con *",
            "Guarda mi nombre, correo electrónico y web en este navegador para la próxima vez "
            "que comente.",
        ],
        "caption": ["Foto: EFE", "Imagen de archivo"],
        "boilerplate": [
            "Publicado el 12 de mayo de 2024",
            "Actualizado: 13/05/2024 10:30",
            "hace 2 horas",
        ],
        "navigation": [
            "Inicio",
            "Portada",
            "Ir al contenido",
            "Saltar al contenido principal",
            "Volver arriba",
            "Noticia siguiente",
            "Cargar más",
            "Estás en: Portada > Internacional",
        ],
    },
    "it": {
        "syndication": [
            "Questo articolo è stato pubblicato originariamente su The Conversation.",
            "Questo articolo è apparso per la prima volta su Il Post.",
            "Quest’articolo è uscito sul numero 12 di Internazionale.",
            "L'articolo è stato pubblicato originariamente sul Guardian.",
            "Articolo pubblicato originariamente su Valigia Blu",
            "Per gentile concessione di Einaudi.",
            "Questo reportage è stato realizzato in collaborazione con IrpiMedia.",
            "Tradotto dall'inglese da Marco Bianchi.",
            "(ANSA)",
            "Fonte: ANSA",
            "Adnkronos",
            "RIPRODUZIONE RISERVATA © Copyright ANSA",
        ],
        "related": [
            "Leggi anche: Il governo approva la manovra",
            "LEGGI ANCHE >> Le dieci spiagge più belle d'Italia",
        ],
        "legal": [
            "Tutti i diritti riservati.",
            "© Riproduzione riservata",
            "Privacy Policy | Cookie Policy | Note legali",
            "Informativa sulla privacy",
            "GEDI News Network S.p.A. - P.IVA 01578251009",
            "Registrazione presso il Tribunale di Roma n. 123/2010",
            "Direttore responsabile: Mario Rossi",
        ],
        "cookie": [
            "Questo sito utilizza cookie tecnici e di profilazione.",
            "Utilizziamo i cookie per migliorare la tua esperienza.",
            "Noi e terze parti selezionate utilizziamo cookie o tecnologie simili per finalità "
            "tecniche e, con il tuo consenso, anche per altre finalità come specificato nella "
            "cookie policy.",
            "Chiudendo questo banner, scorrendo questa pagina o cliccando qualunque suo "
            "elemento acconsenti all'uso dei cookie.",
            "Accetta tutti",
            "Rifiuta",
            "Continua senza accettare",
        ],
        "share": [
            "Condividi",
            "Condividi su WhatsApp",
            "Condividi questo articolo",
            "Invia per email",
            "Copia link",
            "Seguici su Facebook",
            "Seguici sui social",
            "Iscriviti al canale WhatsApp di ANSA",
            "Segui Il Post su Instagram e Facebook",
        ],
        "subscribe": [
            "Iscriviti alla nostra newsletter",
            "Ricevi la nostra newsletter ogni mattina",
            "Inserisci la tua email",
            "Grazie per esserti iscritto!",
            "Iscrivendoti accetti l'informativa sulla privacy.",
            "Abbonati",
            "Accedi",
            "Sei già abbonato? Accedi",
            "Questo articolo è riservato agli abbonati.",
            "Sostieni il giornalismo indipendente",
        ],
        "advertisement": [
            "Pubblicità",
            "PUBBLICITA'",
            "Contenuto sponsorizzato",
            "Contenuto offerto da Enel",
            "Continua a leggere dopo la pubblicità",
            "Informazione pubblicitaria",
            "Questo articolo contiene link di affiliazione.",
        ],
        "comments": [
            "Commenti",
            "3 commenti",
            "Lascia un commento",
            "Sii il primo a commentare",
            "I commenti sono chiusi.",
            "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *",
            "Salva il mio nome, email e sito web in questo browser per la prossima volta che "
            "commento.",
        ],
        "caption": ["Foto: LaPresse", "Foto ANSA", "Foto d'archivio"],
        "boilerplate": [
            "Pubblicato il 12 maggio 2024",
            "Aggiornato il 13 maggio 2024 alle 08:15",
            "2 ore fa",
        ],
        "navigation": [
            "Home",
            "Vai al contenuto",
            "Salta al contenuto principale",
            "Torna su",
            "Articolo successivo",
            "Carica altri",
            "Sei qui: Home > Cronaca > Roma",
        ],
    },
    "pt": {
        "syndication": [
            "Este artigo foi publicado originalmente em The Conversation.",
            "Este artigo foi originalmente publicado no site da BBC News Brasil.",
            "Esta reportagem foi publicada originalmente na Agência Pública.",
            "Publicado originalmente em Nexo Jornal",
            "Este artigo foi republicado do The Conversation sob uma licença Creative Commons. "
            "Leia o artigo original.",
            "Republicado com autorização da Agência Pública.",
            "Esta reportagem foi produzida em parceria com a Repórter Brasil.",
            "Tradução de Clara Allain.",
            "(Lusa)",
            "Com informações da Agência Brasil",
            "Com informações de agências",
            "Com Reuters",
            "Estadão Conteúdo",
            "*Com informações da AFP",
            "Com informações do G1 e do Metrópoles",
        ],
        "related": [
            "Leia também: Governo anuncia novo pacote de medidas econômicas",
            "LEIA MAIS: Os dez destinos mais baratos do verão",
            "Saiba mais: O que muda com a nova lei",
        ],
        "legal": [
            "Todos os direitos reservados.",
            "© 2024 Globo Comunicação e Participações S.A. Todos os direitos reservados.",
            "Termos de uso",
            "Termos de uso | Política de privacidade | Fale conosco",
            "Estatuto editorial",
            "É proibida a reprodução deste conteúdo sem autorização.",
        ],
        "cookie": [
            "Utilizamos cookies para melhorar a sua experiência.",
            "Este site utiliza cookies.",
            "Nós usamos cookies e outras tecnologias semelhantes para melhorar a sua "
            "experiência em nossos serviços, personalizar publicidade e recomendar conteúdo de "
            "seu interesse. Ao utilizar nossos serviços, você concorda com tal monitoramento.",
            "Ao continuar navegando, você concorda com a nossa política de cookies.",
            "Aceitar todos",
            "Gerir cookies",
            "Ok, entendi",
        ],
        "share": [
            "Compartilhar",
            "Partilhar",
            "Compartilhe no WhatsApp",
            "Partilhe este artigo",
            "Enviar por e-mail",
            "Copiar link",
            "Siga-nos no Instagram",
            "Siga o Estadão no Instagram",
            "Siga o canal do g1 no WhatsApp",
            "Clique aqui para seguir o canal do UOL no WhatsApp",
        ],
        "subscribe": [
            "Assine a nossa newsletter",
            "Inscreva-se na newsletter",
            "Subscreva a nossa newsletter",
            "Receba a newsletter no seu e-mail",
            "Digite seu e-mail",
            "Obrigado por se inscrever!",
            "Ao se inscrever, você concorda com nossa política de privacidade.",
            "Assine",
            "Já é assinante? Faça login",
            "Este conteúdo é exclusivo para assinantes.",
            "Apoie o jornalismo independente",
        ],
        "advertisement": [
            "Publicidade",
            "PUBLICIDADE",
            "Conteúdo patrocinado",
            "Informe publicitário",
            "Continua após a publicidade",
            "Continua depois da publicidade",
            "Anuncie",
            "Este artigo contém links de afiliados.",
        ],
        "comments": [
            "Comentários",
            "5 comentários",
            "Deixe seu comentário",
            "Seja o primeiro a comentar",
            "Os comentários estão encerrados.",
            "O seu endereço de email não será publicado. Campos obrigatórios marcados com *",
            "Salvar meus dados neste navegador para a próxima vez que eu comentar.",
            "Guardar o meu nome, email e site neste navegador para a próxima vez que eu comentar.",
        ],
        "caption": ["Foto: Divulgação", "Imagem ilustrativa"],
        "boilerplate": [
            "Publicado em 12/05/2024 às 10h30",
            "Atualizado há 2 horas",
            "12 de maio de 2024",
        ],
        "navigation": [
            "Início",
            "Página inicial",
            "Pular para o conteúdo",
            "Saltar para o conteúdo",
            "Voltar ao topo",
            "Próxima notícia",
            "Você está aqui: Início > Notícias > Política",
        ],
    },
    "nl": {
        "syndication": [
            "Dit artikel verscheen eerder in NRC.",
            "Dit artikel is eerder verschenen in Trouw.",
            "Dit artikel werd oorspronkelijk gepubliceerd op The Conversation.",
            "Een versie van dit artikel verscheen ook in NRC Handelsblad van 12 mei 2024.",
            "Eerder verschenen in De Groene Amsterdammer",
            "Dit artikel is overgenomen van Follow the Money.",
            "Met toestemming van de auteur",
            "Dit artikel kwam tot stand met steun van het Fonds Bijzondere Journalistieke "
            "Projecten.",
            "Vertaald uit het Engels door Marieke Jansen.",
            "(ANP)",
            "Bron: ANP",
            "ANP/AFP",
            "Follow the Money is een onafhankelijk, journalistiek platform voor "
            "onderzoeksjournalistiek.",
        ],
        "related": [
            "Lees ook: Kabinet presenteert nieuwe plannen voor woningbouw",
            "LEES OOK | Tien tips voor een goedkope vakantie",
        ],
        "legal": [
            "Alle rechten voorbehouden.",
            "© 2024 DPG Media B.V. Alle rechten voorbehouden.",
            "Privacybeleid",
            "Privacy | Cookiebeleid | Algemene voorwaarden",
            "Colofon",
            "Niets uit deze uitgave mag worden verveelvoudigd zonder toestemming.",
        ],
        "cookie": [
            "Wij gebruiken cookies om je de beste ervaring te bieden.",
            "Deze site maakt gebruik van cookies.",
            "Door verder te gaan op deze website ga je akkoord met het gebruik van cookies.",
            "Wil je deze content zien? Accepteer dan de cookies.",
            "Alles accepteren",
            "Ik ga akkoord",
            "Cookie-instellingen",
        ],
        "share": [
            "Delen",
            "Deel dit artikel",
            "Delen op Facebook",
            "Deel via WhatsApp",
            "Kopieer link",
            "Volg ons op Instagram en TikTok",
            "Volg NOS op Instagram",
            "Word lid van ons WhatsApp-kanaal",
            "Facebook Twitter LinkedIn E-mail",
        ],
        "subscribe": [
            "Abonneer je op onze nieuwsbrief",
            "Schrijf je in voor de nieuwsbrief",
            "Meld je aan voor onze nieuwsbrief",
            "Vul je e-mailadres in",
            "Bedankt voor je aanmelding!",
            "Word abonnee",
            "Inloggen",
            "Ben je al abonnee? Log dan hier in",
            "Dit artikel is alleen voor abonnees.",
            "Steun onafhankelijke journalistiek",
        ],
        "advertisement": [
            "Advertentie",
            "ADVERTENTIE",
            "Gesponsord",
            "Partnercontent",
            "Het artikel gaat verder onder de advertentie",
            "In samenwerking met de Postcode Loterij",
            "Dit artikel bevat affiliate links.",
        ],
        "comments": [
            "Reacties",
            "Reacties (5)",
            "Plaats een reactie",
            "Wees de eerste die reageert",
            "Reageren is niet meer mogelijk.",
            "Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *",
            "Mijn naam, e-mail en site bewaren in deze browser voor de volgende keer wanneer ik "
            "een reactie plaats.",
        ],
        "caption": ["Beeld ANP", "Foto: Hollandse Hoogte"],
        "boilerplate": [
            "Gepubliceerd op 12 mei 2024",
            "Bijgewerkt om 10:30",
            "2 uur geleden",
        ],
        "navigation": [
            "Naar de inhoud",
            "Ga naar de inhoud",
            "Spring naar de inhoud",
            "Zoeken",
            "Terug naar boven",
            "Volgend artikel",
            "Je bent hier: Home > Nieuws > Binnenland",
        ],
    },
    "ru": {
        "syndication": [
            "Статья впервые опубликована в журнале «Эксперт».",
            "Материал впервые опубликован на сайте «Новой газеты».",
            "Эта статья была впервые опубликована на The Conversation.",
            "Оригинал статьи опубликован на сайте The Guardian.",
            "Материал публикуется с разрешения редакции.",
            "Перевод с английского Анны Ивановой",
            "(ТАСС)",
            "Источник: РИА Новости",
            "По материалам ТАСС и Интерфакса",
            "С использованием материалов «Коммерсанта»",
        ],
        "related": [
            "Читайте также: Правительство утвердило новый бюджет",
            "ЧИТАЙТЕ ТАКЖЕ: Десять самых дешевых направлений для отпуска",
            "Подробнее — в материале «Что изменится с 1 января»",
        ],
        "legal": [
            "Все права защищены.",
            "Политика конфиденциальности",
            "Пользовательское соглашение | Политика конфиденциальности | Контакты",
            "При использовании материалов ссылка на сайт обязательна.",
            "Сетевое издание «Пример.ру» зарегистрировано Федеральной службой по надзору в "
            "сфере связи. Свидетельство Эл № ФС77-12345.",
            "Мнение редакции может не совпадать с мнением автора.",
        ],
        "cookie": [
            "Мы используем файлы cookie, чтобы сделать сайт удобнее.",
            "Этот сайт использует cookies.",
            "Продолжая использовать сайт, вы соглашаетесь с использованием файлов cookie.",
            "Принять все",
        ],
        "share": [
            "Поделиться",
            "Поделиться в Telegram",
            "Скопировать ссылку",
            "Версия для печати",
            "Подписывайтесь на нас в Telegram",
            "Подпишитесь на наш Telegram-канал",
            "Читайте нас в Дзене",
            "ВКонтакте Одноклассники Telegram",
        ],
        "subscribe": [
            "Подпишитесь на нашу рассылку",
            "Получайте главные новости на почту",
            "Введите ваш e-mail",
            "Спасибо за подписку!",
            "Нажимая кнопку «Подписаться», вы соглашаетесь с политикой конфиденциальности.",
            "Войти",
            "Уже есть аккаунт? Войти",
            "Этот материал доступен только подписчикам.",
            "Поддержите независимую журналистику",
        ],
        "advertisement": [
            "Реклама",
            "На правах рекламы",
            "Партнерский материал",
            "Реклама. ООО «Ромашка», ИНН 7701234567, erid: 2VtzqwXYZ",
        ],
        "comments": [
            "Комментарии",
            "5 комментариев",
            "Оставить комментарий",
            "Комментариев пока нет",
            "Комментарии закрыты.",
            "Ваш адрес email не будет опубликован. Обязательные поля помечены *",
            "Сохранить моё имя, email и адрес сайта в этом браузере для последующих моих "
            "комментариев.",
        ],
        "caption": ["Фото: Иван Иванов / РИА Новости", "Фото из открытых источников"],
        "boilerplate": [
            "Опубликовано: 12 мая 2024, 10:30",
            "Обновлено 13.05.2024 08:15",
            "2 часа назад",
        ],
        "navigation": [
            "Главная",
            "На главную",
            "Перейти к содержимому",
            "Наверх",
            "Следующая статья",
            "Показать ещё",
            "Вы здесь: Главная > Новости > Политика",
        ],
    },
}
CASES = [
    pytest.param(language, kind, line, id=f"{language}:{kind}:{line[:30]}")
    for language, kinds in POSITIVE.items()
    for kind, lines in kinds.items()
    for line in lines
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_article_is_detected_as_its_language_and_kept_whole(language: str) -> None:
    text = article(language)
    assert analyse(text, Options()).languages == (language,)
    assert clean(text).removed == ()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_examples_cover_every_phrase_kind(language: str) -> None:
    assert set(POSITIVE[language]) >= PHRASE_KINDS


def profile_for(language: str, line: str) -> str:
    """ "page" when the rule that catches the line is for page furniture, else the default."""
    text = comparable(line).text
    rule = phrasebook((language, "en")).match(text, len(text.split()))
    return "page" if rule is not None and rule.pages else "auto"


@pytest.mark.parametrize(("language", "kind", "line"), CASES)
def test_boilerplate_line_is_split_off_with_its_kind(language: str, kind: str, line: str) -> None:
    # Page furniture (menus, bylines, photo credits, footer links) applies to page dumps only.
    result = clean(article(language, line), Options(profile=profile_for(language, line)))
    assert [(r.line, r.kind, r.text) for r in result.removed] == [(3, kind, line)]
    assert result.text == article(language)


# --- related-links lists ----------------------------------------------------------------------

RELATED: dict[str, tuple[list[str], list[str]]] = {
    "de": (
        [
            "Das könnte Sie auch interessieren",
            "Mehr zum Thema",
            "Lesen Sie auch:",
            "Weitere Artikel",
            "Ähnliche Artikel",
            "Meistgelesen",
            "Auch interessant",
            "Mehr aus Berlin",
            "Empfehlungen der Redaktion",
        ],
        [
            "Hochwasser: Pegel der Elbe erreicht Rekordstand",
            "Anwohner fordern Antworten nach dem zweiten Unwetter",
            "Hafenbetreiber ziehen Bilanz nach den Winterstürmen",
        ],
    ),
    "fr": (
        [
            "Lire aussi",
            "À lire aussi",
            "A LIRE AUSSI",
            "Sur le même sujet",
            "Les plus lus",
            "Vous aimerez aussi",
            "Ces articles pourraient vous intéresser",
            "Dans la même rubrique",
            "Toute l'actualité",
        ],
        [
            "Inondations : la Loire atteint un niveau record",
            "Les habitants réclament des réponses après la deuxième tempête",
            "Les plaisanciers font les comptes après les tempêtes d'hiver",
        ],
    ),
    "es": (
        [
            "Te puede interesar",
            "También te puede interesar",
            "Noticias relacionadas",
            "Lee también",
            "Lo más leído",
            "Más noticias",
            "Te recomendamos",
            "Más información",
            "No te lo pierdas",
        ],
        [
            "El Ebro alcanza un caudal récord tras las lluvias",
            "Los vecinos piden respuestas tras la segunda riada en un mes",
            "Los puertos deportivos hacen balance tras los temporales",
        ],
    ),
    "it": (
        [
            "Leggi anche",
            "Potrebbe interessarti",
            "Ti potrebbe interessare",
            "Articoli correlati",
            "I più letti",
            "Ultime notizie",
            "Da non perdere",
            "Altre notizie",
        ],
        [
            "Il Po raggiunge il livello record dopo le piogge",
            "I residenti chiedono risposte dopo la seconda alluvione",
            "I porti turistici fanno i conti con le mareggiate",
        ],
    ),
    "pt": (
        [
            "Leia também",
            "Leia mais",
            "Veja também",
            "Você também pode gostar",
            "Notícias relacionadas",
            "As mais lidas",
            "Últimas notícias",
            "Mais notícias",
            "Não perca",
        ],
        [
            "Rio Tejo atinge nível recorde após as chuvas",
            "Moradores pedem respostas depois da segunda cheia do mês",
            "Marinas fazem as contas depois das tempestades de inverno",
        ],
    ),
    "nl": (
        [
            "Lees ook",
            "Lees meer",
            "Meer nieuws",
            "Meer over dit onderwerp",
            "Gerelateerde artikelen",
            "Dit vind je misschien ook interessant",
            "Ook interessant",
            "Meest gelezen",
        ],
        [
            "Waterstand in de Maas bereikt recordhoogte",
            "Bewoners willen antwoorden na tweede overstroming",
            "Jachthavens maken de balans op na de winterstormen",
        ],
    ),
    "ru": (
        [
            "Читайте также",
            "Смотрите также",
            "См. также",
            "Похожие статьи",
            "Другие новости",
            "Вам может быть интересно",
            "Самое читаемое",
            "По теме",
            "Новости партнеров",
        ],
        [
            "Уровень воды в Неве достиг рекордной отметки",
            "Жители требуют ответов после второго наводнения",
            "Владельцы яхт подсчитывают ущерб после зимних штормов",
        ],
    ),
}
HEADERS = [
    pytest.param(language, header, id=f"{language}:{header}")
    for language, (headers, _) in RELATED.items()
    for header in headers
]


@pytest.mark.parametrize(("language", "header"), HEADERS)
def test_a_related_header_and_its_headlines_are_one_list(language: str, header: str) -> None:
    headlines = RELATED[language][1]
    result = clean(article(language, header, *headlines))
    assert [(r.line, r.kind, r.rule, r.group) for r in result.removed] == [
        (3, "related", "related-header", 2),
        (4, "related", "related-item", 2),
        (5, "related", "related-item", 2),
        (6, "related", "related-item", 2),
    ]
    assert result.text == article(language)


# --- body text that merely mentions these things stays ---------------------------------------

NEGATIVE: dict[str, list[str]] = {
    "de": [
        "Der Bericht erschien am Montag in der Fachzeitschrift Nature und sorgte für Aufsehen "
        "unter Klimaforschern.",
        "Der Newsletter der Stadtverwaltung erreicht inzwischen mehr als 20.000 Haushalte, "
        "sagte die Sprecherin.",
        "Wer mehr wissen will, kann den Newsletter der Verbraucherzentrale abonnieren.",
        "Das Gericht entschied, dass Webseiten vor dem Setzen von Cookies um Erlaubnis fragen "
        "müssen.",
        "„Wir verwenden keine Cookies“, sagte der Geschäftsführer des Start-ups.",
        "Die Anwälte der Band argumentierten, das Urheberrecht an dem Lied sei 1998 erloschen.",
        "Datenschützer kritisierten die Entscheidung scharf.",
        "Viele Anleger teilen die Sorgen des Gründers und verkauften am Montag ihre Aktien.",
        "Das Museum will die Sammlung mit regionalen Galerien teilen.",
        "Die Kommentare des Senators vom Freitag stießen in beiden Parteien auf Kritik.",
        "Die Werbeeinnahmen der Zeitung fielen 2023 um ein Drittel, teilte das Unternehmen mit.",
        "Folgen Sie dem Fluss zwei Kilometer nach Norden, dann erreichen Sie die alte Mühle.",
        "Die Anzeige gegen den Bürgermeister wurde am Dienstag von der Staatsanwaltschaft geprüft.",
        "Mit Material aus dem Stadtarchiv rekonstruierte die Historikerin den Brand von 1842.",
        "Mit Genehmigung des Gerichts durfte der Angeklagte das Land verlassen.",
        "In Zusammenarbeit mit der Polizei wurde der Verdächtige am Abend gefasst.",
        "Weiter geht es mit der Sanierung erst im Frühjahr.",
        "Anmelden können sich Interessierte bis zum 15. März beim Bürgeramt.",
        "Die dpa berichtete am Morgen über den Unfall.",
        "Alle akzeptieren den Kompromiss, sagte die Ministerin.",
        "Veröffentlicht wurde die Studie 2021 in der Fachzeitschrift Science.",
        "Mehr zu tun gibt es für die Feuerwehr in diesem Sommer nicht.",
    ],
    "fr": [
        "L'article a été publié dans la revue Nature en 2019 et cité plus de mille fois depuis.",
        "Le rapport a été publié par le ministère de la Santé lundi et montre une hausse des cas.",
        "Les lecteurs abonnés à la newsletter de la mairie ont reçu l'alerte dès vendredi soir.",
        "La Cnil a rappelé que les sites doivent obtenir le consentement avant de déposer des "
        "cookies sur l'appareil des internautes.",
        "« Nous utilisons très peu de cookies », assure le directeur du site, qui dit respecter "
        "le RGPD.",
        "Les avocats du groupe ont fait valoir que les droits d'auteur sur la chanson avaient "
        "expiré en 1998.",
        "Les investisseurs qui partagent les inquiétudes du fondateur ont vendu leurs actions "
        "lundi.",
        "Les commentaires du sénateur vendredi ont suscité des critiques dans les deux camps.",
        "Suivez la rivière vers le nord sur trois kilomètres et vous arriverez au vieux moulin.",
        "En partenariat avec la mairie, l'association organise une grande collecte de "
        "vêtements samedi.",
        "La publicité pour les jeux d'argent sera interdite pendant les matchs, a annoncé le "
        "gouvernement.",
        "Accueil chaleureux, prix modestes : le camping a séduit les familles cet été.",
        "Selon l'AFP, le bilan s'élève à douze morts.",
        "Il a travaillé avec l'AFP pendant vingt ans avant de rejoindre la télévision publique.",
        "Traduit dans trente langues, le roman s'est vendu à plus de deux millions d'exemplaires.",
        "Retour sur une semaine agitée à l'Assemblée nationale.",
        "Réagir vite est essentiel en cas d'inondation, rappelle la préfecture.",
        "Publié en 1862, Les Misérables connaît un succès immédiat.",
        "Publié le 12 mai dernier, le rapport a fait grand bruit au sein de la majorité.",
    ],
    "es": [
        "El estudio fue publicado en la revista Nature y ha sido citado más de mil veces.",
        "Este informe fue publicado por la OMS el lunes y revela un aumento de los casos.",
        "Los lectores suscritos al boletín municipal recibieron la alerta el viernes por la noche.",
        "La agencia de protección de datos recordó que las webs deben pedir permiso antes de "
        "instalar cookies en el dispositivo.",
        "«Usamos muy pocas cookies», aseguró el director de la empresa, que dice cumplir con "
        "la ley.",
        "Los abogados del grupo argumentaron que los derechos de autor de la canción habían "
        "expirado en 1998.",
        "Los inversores que comparten las preocupaciones del fundador vendieron sus acciones el "
        "lunes.",
        "Los comentarios del senador el viernes provocaron críticas en ambos partidos.",
        "Siga el río hacia el norte durante tres kilómetros y llegará al viejo molino.",
        "Está en juego el futuro de miles de familias, advirtió el alcalde.",
        "Con información de la policía, los periodistas reconstruyeron los últimos días de la "
        "víctima.",
        "Según EFE, el balance asciende a doce muertos.",
        "Traducido a treinta idiomas, el libro ha vendido más de dos millones de ejemplares.",
        "Más de 300 personas se concentraron frente al ayuntamiento.",
        "Está prohibida la publicación de encuestas durante la última semana de campaña.",
        "Compartir piso es la única opción para muchos jóvenes en Madrid.",
        "Publicado en 1605, el Quijote sigue siendo el libro más traducido del español.",
        "Sigue en directo en YouTube la rueda de prensa del presidente del Gobierno.",
    ],
    "it": [
        "Il testo è stato pubblicato sulla Gazzetta Ufficiale ed entra in vigore domani.",
        "Lo studio è stato pubblicato su Nature e citato più di mille volte.",
        "I lettori iscritti alla newsletter del Comune hanno ricevuto l'allerta venerdì sera.",
        "Il Garante ha ricordato che i siti devono chiedere il consenso prima di installare "
        "cookie sul dispositivo.",
        "«Usiamo pochissimi cookie», assicura il direttore del sito, che dice di rispettare il "
        "GDPR.",
        "Gli avvocati del gruppo hanno sostenuto che i diritti d'autore sulla canzone erano "
        "scaduti nel 1998.",
        "Gli investitori che condividono le preoccupazioni del fondatore hanno venduto le "
        "azioni lunedì.",
        "I commenti del senatore di venerdì hanno suscitato critiche in entrambi gli schieramenti.",
        "Segui il fiume verso nord per tre chilometri e arriverai al vecchio mulino.",
        "Tratto da una storia vera, il film racconta la vita di un pescatore siciliano.",
        "Tradotto in trenta lingue, il romanzo ha venduto oltre due milioni di copie.",
        "Secondo l'ANSA, il bilancio è di dodici morti.",
        "Stampa e televisione hanno seguito il processo per mesi.",
        "Accedi ai servizi online del Comune con lo SPID, ricorda l'assessore.",
        "Privacy e sicurezza sono le priorità del nuovo regolamento europeo.",
        "Pubblicato per la prima volta nel 1883, Pinocchio è stato tradotto in oltre 260 lingue.",
        "Pubblicato il 3 marzo, il decreto entra in vigore domani.",
    ],
    "pt": [
        "O estudo foi publicado na revista Nature e citado mais de mil vezes desde então.",
        "O texto foi publicado no Diário Oficial da União e entra em vigor na segunda-feira.",
        "Os leitores inscritos na newsletter da prefeitura receberam o alerta na sexta-feira "
        "à noite.",
        "A ANPD lembrou que os sites devem pedir consentimento antes de instalar cookies no "
        "dispositivo do usuário.",
        "Os advogados do grupo argumentaram que os direitos autorais da canção tinham expirado "
        "em 1998.",
        "Os investidores que compartilham as preocupações do fundador venderam suas ações na "
        "segunda-feira.",
        "O museu pretende partilhar a coleção com galerias regionais.",
        "Os comentários do senador na sexta-feira provocaram críticas dos dois partidos.",
        "Siga o rio para o norte por três quilômetros e você chegará ao velho moinho.",
        "Você está em boas mãos, disse o médico à paciente.",
        "Com informações da polícia, os jornalistas reconstituíram os últimos dias da vítima.",
        "Segundo a Lusa, o balanço é de doze mortos.",
        "Mais de 300 pessoas se reuniram em frente à prefeitura.",
        "Entrar no mercado de trabalho ficou mais difícil para os jovens.",
        "Publicado em 1899, Dom Casmurro continua a ser um dos livros mais lidos do país.",
        "Acompanhe no Instagram a rotina dos atletas olímpicos durante os jogos.",
    ],
    "nl": [
        "Het bericht werd eerder door de politie bevestigd, later ook door het Openbaar "
        "Ministerie.",
        "Het onderzoek is gepubliceerd in het tijdschrift Nature en trok wereldwijd aandacht.",
        "Lezers die zich vorig jaar aanmeldden voor de nieuwsbrief van de gemeente kregen de "
        "eerste waarschuwing.",
        "De rechter oordeelde dat websites toestemming moeten vragen voordat ze cookies plaatsen.",
        "De advocaten van de band stelden dat het auteursrecht op het nummer in 1998 was verlopen.",
        "Beleggers die de zorgen van de oprichter delen, verkochten maandag hun aandelen.",
        "De reacties van de senator op vrijdag leidden tot kritiek uit beide partijen.",
        "De advertentie-inkomsten van de krant daalden in 2023 met een derde, meldde het bedrijf.",
        "Volg de rivier drie kilometer naar het noorden en je komt bij de oude molen.",
        "Met toestemming van de rechter mocht hij de rest van het proces thuis afwachten.",
        "In samenwerking met de gemeente opent de bibliotheek een nieuwe vestiging in Noord.",
        "Volgens het ANP kwamen bij het ongeluk twaalf mensen om het leven.",
        "Meer dan driehonderd mensen verzamelden zich voor het stadhuis.",
        "Zoeken naar een woning is in Amsterdam een dagtaak geworden.",
        "Delen van de stad waren urenlang zonder stroom.",
        "Eerder verschenen in 1968, is het boek nu opnieuw uitgegeven.",
    ],
    "ru": [
        "Статья опубликована в журнале Nature и вызвала споры среди климатологов.",
        "Доклад был впервые представлен на заседании правительства в понедельник.",
        "Читатели, подписанные на рассылку мэрии, получили предупреждение в пятницу вечером.",
        "Суд постановил, что сайты обязаны спрашивать согласие, прежде чем сохранять файлы "
        "cookie на устройстве.",
        "Адвокаты группы утверждали, что авторские права на песню истекли в 1998 году.",
        "Инвесторы, которые разделяют опасения основателя, в понедельник продали свои акции.",
        "Музей планирует поделиться коллекцией с региональными галереями.",
        "Комментарии сенатора в пятницу вызвали критику обеих партий.",
        "По данным ТАСС, в результате аварии погибли двенадцать человек.",
        "Перевод книги на русский язык занял три года.",
        "Впервые опубликован в 1866 году, роман сразу принес автору славу.",
        "Главная задача правительства — снизить инфляцию, заявил министр.",
        "Реклама алкоголя в интернете будет запрещена, сообщили в Госдуме.",
        "Мы в соцсетях видим много фейков, признался эксперт.",
        "Опубликован в 1866 году, роман сразу принес автору славу.",
    ],
}
BODY = [
    pytest.param(language, line, id=f"{language}:{line[:40]}")
    for language, lines in NEGATIVE.items()
    for line in lines
]


@pytest.mark.parametrize(("language", "line"), BODY)
def test_body_paragraph_that_mentions_boilerplate_words_stays(language: str, line: str) -> None:
    assert clean(article(language, line)).removed == ()


# --- the phrase files themselves --------------------------------------------------------------


def _file(language: str) -> dict[str, object]:
    path = resources.files("artclean").joinpath("data", "phrases", f"{language}.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_phrase_file_loads_with_unique_rule_names(language: str) -> None:
    assert language in available_languages()
    book = phrasebook((language,))
    names = [rule.name for rule in book.rules]
    assert len(names) == len(set(names)), "rule names repeat"
    assert {rule.kind for rule in book.rules} >= PHRASE_KINDS
    assert _file(language)["related"]["headers"]  # type: ignore[index]


@pytest.mark.parametrize("language", LANGUAGES)
def test_phrase_rules_are_limited_and_use_no_capturing_groups(language: str) -> None:
    """Every rule is bounded by max_words (a form's consent text or a legal notice can run to
    150 words; no line rule reaches further); capturing groups would make the joined
    alternation several times slower, so patterns group with (?:...)."""
    book = phrasebook((language,))
    for rule in book.rules:
        assert 0 < rule.max_words <= 150, rule.name
        assert re.compile(rule.pattern).groups == 0, rule.name
    assert book.related_header.groups == 0
