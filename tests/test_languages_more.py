"""Phrase files and language detection for pl, cs, sv, da, no, fi, hu, tr, ro, id, ko, ar, uk, el.

The same shape as test_languages.py: every example sits in the middle of a short article in its
language, so that detection picks the language and its phrase file (then English) applies, as in
real use. Furniture lines must be split off with their kind; body paragraphs that merely mention
newsletters, cookies, comments, agencies or advertising must stay.
"""

from __future__ import annotations

import re
import time

import pytest

from artclean import Options, clean
from artclean.boilerplate import available_languages, phrasebook
from artclean.language import detect, stopwords
from artclean.normalize import comparable
from artclean.pipeline import analyse

LANGUAGES = ("pl", "cs", "sv", "da", "no", "fi", "hu", "tr", "ro", "id", "ko", "ar", "uk", "el")

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
    "pl": [
        "Rada miasta przyjęła we wtorek nowy plan transportowy po ponad czterogodzinnej debacie. "
        "Większość przegłosowała go wbrew opozycji, która krytykowała przede wszystkim koszty "
        "całego projektu i harmonogram prac.",
        "Sercem planu jest nowa linia tramwajowa, która ma połączyć dworzec główny z szybko "
        "rosnącymi dzielnicami na północy miasta. Według urzędników mogłoby z niej korzystać "
        "nawet 30 tysięcy pasażerów dziennie.",
        "Prace przy pierwszym odcinku mają się rozpocząć wiosną przyszłego roku. Miasto szacuje "
        "koszt na około 280 milionów złotych, z czego dużą część pokryją budżet państwa i "
        "fundusze unijne, jak powiedziała po sesji wiceprezydent odpowiedzialna za transport.",
    ],
    "cs": [
        "Zastupitelstvo města v úterý po více než čtyřhodinové debatě schválilo nový plán "
        "dopravy. Většina ho prosadila proti hlasům opozice, která kritizovala hlavně náklady "
        "celého projektu a harmonogram stavby.",
        "Jádrem plánu je nová tramvajová trať, která má spojit hlavní nádraží s rychle rostoucími "
        "čtvrtěmi na severu města. Podle radnice by ji mohlo "
        "denně využívat až 30 tisíc cestujících.",
        "Práce na prvním úseku by měly začít příští jaro. Město odhaduje náklady na zhruba "
        "šest miliard korun, z nichž velkou část má zaplatit stát a kraj, jak po jednání řekla "
        "náměstkyně primátora pro dopravu.",
    ],
    "sv": [
        "Kommunfullmäktige antog på tisdagen den nya trafikplanen efter en debatt som pågick i "
        "mer än fyra timmar. Majoriteten röstade igenom planen mot oppositionens röster, som "
        "framför allt kritiserade kostnaderna för projektet.",
        "Kärnan i planen är en ny spårvägslinje som ska knyta ihop centralstationen med de snabbt "
        "växande stadsdelarna i norr. Enligt kommunen kan upp till 30 000 resenärer om dagen "
        "komma att använda den.",
        "Arbetet med den första etappen ska börja nästa vår. Kommunen räknar med en kostnad på "
        "omkring tre miljarder kronor, varav staten och regionen ska betala en stor del, sade "
        "trafikkommunalrådet efter mötet.",
    ],
    "da": [
        "Byrådet vedtog tirsdag den nye trafikplan efter en debat, der varede mere end fire "
        "timer. Flertallet stemte planen igennem mod oppositionens stemmer, som især kritiserede "
        "udgifterne til projektet og tidsplanen for arbejdet.",
        "Kernen i planen er en ny letbanelinje, der skal forbinde hovedbanegården med de hurtigt "
        "voksende bydele mod nord. Ifølge kommunen kan op til 30.000 passagerer om dagen komme "
        "til at bruge den.",
        "Arbejdet med den første etape skal begynde til foråret. Kommunen regner med en udgift "
        "på omkring to milliarder kroner, hvoraf staten og regionen skal betale en stor del, "
        "sagde rådmanden for teknik og miljø efter mødet.",
    ],
    "no": [
        "Bystyret vedtok tirsdag den nye transportplanen etter en debatt som varte i mer enn fire "
        "timer. Flertallet stemte planen gjennom mot opposisjonens stemmer, som særlig kritiserte "
        "kostnadene ved prosjektet og fremdriften i arbeidet.",
        "Kjernen i planen er en ny bybanelinje som skal knytte sentralstasjonen sammen med de "
        "raskt voksende bydelene i nord. Ifølge kommunen kan opptil 30 000 passasjerer om dagen "
        "komme til å bruke den.",
        "Arbeidet med den første etappen skal etter planen starte til våren. Kommunen regner med "
        "en kostnad på rundt tre milliarder kroner, og staten skal betale en stor del av dette, "
        "sa byråden for miljø og samferdsel etter møtet.",
    ],
    "fi": [
        "Kaupunginvaltuusto hyväksyi tiistaina uuden liikennesuunnitelman yli neljä tuntia "
        "kestäneen keskustelun jälkeen. Enemmistö äänesti suunnitelman läpi, vaikka oppositio "
        "arvosteli erityisesti hankkeen kustannuksia ja aikataulua.",
        "Suunnitelman ytimenä on uusi raitiotielinja, joka yhdistäisi rautatieaseman kaupungin "
        "pohjoisosan nopeasti kasvaviin kaupunginosiin. Kaupungin mukaan sitä voisi käyttää jopa "
        "30 000 matkustajaa päivässä.",
        "Ensimmäisen osuuden rakennustyöt on tarkoitus aloittaa ensi keväänä. Kaupunki arvioi "
        "kustannuksiksi noin 280 miljoonaa euroa, joista valtio maksaisi suuren osan, kertoi "
        "liikenteestä vastaava apulaispormestari kokouksen jälkeen.",
    ],
    "hu": [
        "A városi közgyűlés kedden több mint négyórás vita után elfogadta az új közlekedési "
        "tervet. A többség az ellenzék szavazatai ellenére szavazta meg, amely főként a projekt "
        "költségeit és az építkezés ütemezését bírálta.",
        "A terv középpontjában egy új villamosvonal áll, amely a főpályaudvart kötné össze a "
        "város északi részén gyorsan növekvő kerületekkel. A városháza szerint naponta akár "
        "30 ezer utas is használhatja majd.",
        "Az első szakasz építése jövő tavasszal kezdődhet el. A város nagyjából 100 milliárd "
        "forintra becsüli a költségeket, amelynek nagy részét az állam fizetné, mondta a "
        "közlekedésért felelős alpolgármester az ülés után.",
    ],
    "tr": [
        "Belediye meclisi salı günü dört saatten fazla süren bir tartışmanın ardından yeni "
        "ulaşım planını kabul etti. Plan, özellikle projenin maliyetini ve inşaat takvimini "
        "eleştiren muhalefetin oylarına rağmen çoğunlukla onaylandı.",
        "Planın merkezinde, ana tren istasyonunu şehrin kuzeyinde hızla büyüyen mahallelere "
        "bağlayacak yeni bir tramvay hattı yer alıyor. Belediyeye göre hat her gün 30 bin "
        "kadar yolcu tarafından kullanılabilir.",
        "İlk bölümün yapımına gelecek ilkbaharda başlanması planlanıyor. Belediye toplam "
        "maliyetin yaklaşık 9 milyar lira olacağını ve bunun büyük bir kısmının devlet "
        "tarafından karşılanacağını, toplantının ardından ulaşımdan sorumlu başkan yardımcısı "
        "açıkladı.",
    ],
    "ro": [
        "Consiliul local a aprobat marți noul plan de transport după o dezbatere de peste patru "
        "ore. Majoritatea l-a votat în ciuda opoziției, care a criticat mai ales costurile "
        "proiectului și calendarul lucrărilor.",
        "În centrul planului se află o nouă linie de tramvai, care ar urma să lege gara "
        "principală de cartierele aflate în plină dezvoltare din nordul orașului. Potrivit "
        "primăriei, până la 30.000 de călători ar putea folosi zilnic linia.",
        "Lucrările la primul tronson ar trebui să înceapă în primăvara anului viitor. Orașul "
        "estimează un cost de aproximativ 280 de milioane de euro, din care o mare parte va fi "
        "suportată de stat, a declarat viceprimarul responsabil cu transportul după ședință.",
    ],
    "id": [
        "Dewan kota pada hari Selasa menyetujui rencana transportasi baru setelah perdebatan "
        "yang berlangsung lebih dari empat jam. Mayoritas anggota dewan menyetujui rencana itu "
        "meskipun oposisi mengkritik biaya proyek dan jadwal pembangunannya.",
        "Inti dari rencana tersebut adalah jalur trem baru yang akan menghubungkan stasiun "
        "pusat dengan kawasan yang tumbuh pesat di bagian utara kota. Menurut pemerintah kota, "
        "jalur itu dapat digunakan oleh hingga 30.000 penumpang setiap hari.",
        "Pembangunan tahap pertama dijadwalkan dimulai pada awal tahun depan. Pemerintah kota "
        "memperkirakan biayanya sekitar 4 triliun rupiah, yang sebagian besar akan ditanggung "
        "oleh pemerintah pusat, kata wakil wali kota bidang transportasi seusai rapat.",
    ],
    "ko": [
        "시의회는 화요일 네 시간이 넘는 토론 끝에 새로운 교통 계획을 통과시켰다. 야당은 사업 "
        "비용과 공사 일정을 주로 비판했지만 다수의 찬성으로 계획이 확정됐다.",
        "계획의 핵심은 중앙역과 도시 북쪽의 빠르게 성장하는 지역을 잇는 새 트램 노선이다. 시에 "
        "따르면 하루 최대 3만 명의 승객이 이 노선을 이용할 수 있을 것으로 예상된다.",
        "첫 구간 공사는 내년 봄에 시작될 예정이다. 시는 전체 비용을 약 4천억 원으로 추산하고 "
        "있으며 이 가운데 상당 부분은 정부가 부담할 것이라고 교통 담당 부시장이 회의 후 밝혔다.",
    ],
    "ar": [
        "وافق المجلس البلدي يوم الثلاثاء على خطة النقل الجديدة بعد نقاش استمر أكثر من أربع "
        "ساعات. وأقرت الأغلبية الخطة رغم اعتراض المعارضة التي انتقدت بشكل خاص تكلفة المشروع "
        "والجدول الزمني للأعمال.",
        "ويتمثل جوهر الخطة في خط ترام جديد يربط المحطة المركزية بالأحياء التي تشهد نموا سريعا "
        "في شمال المدينة. وبحسب البلدية، يمكن أن يستخدم هذا الخط ما يصل إلى ثلاثين ألف راكب "
        "يوميا.",
        "ومن المقرر أن تبدأ أعمال المرحلة الأولى في الربيع المقبل. وتقدر المدينة التكلفة "
        "الإجمالية بنحو 280 مليون دولار، تتحمل الحكومة جزءا كبيرا منها، كما قال نائب رئيس "
        "البلدية المسؤول عن النقل بعد الاجتماع.",
    ],
    "uk": [
        "Міська рада у вівторок ухвалила новий транспортний план після дискусії, яка тривала "
        "понад чотири години. Більшість підтримала його всупереч голосам опозиції, що "
        "критикувала насамперед вартість проєкту та графік робіт.",
        "Основою плану є нова трамвайна лінія, яка має з'єднати центральний вокзал зі "
        "швидкозростаючими районами на півночі міста. За даними мерії, щодня нею зможуть "
        "користуватися до 30 тисяч пасажирів.",
        "Роботи на першій ділянці мають розпочатися наступної весни. Місто оцінює вартість "
        "приблизно в 11 мільярдів гривень, і значну частину цих коштів, як повідомила після "
        "засідання заступниця міського голови, виділить державний бюджет.",
    ],
    "el": [
        "Το δημοτικό συμβούλιο ενέκρινε την Τρίτη το νέο σχέδιο για τις συγκοινωνίες ύστερα από "
        "συζήτηση που κράτησε πάνω από τέσσερις ώρες. Η πλειοψηφία το ψήφισε παρά τις "
        "αντιδράσεις της αντιπολίτευσης, η οποία επέκρινε κυρίως το κόστος του έργου.",
        "Στο επίκεντρο του σχεδίου βρίσκεται μια νέα γραμμή τραμ που θα συνδέει τον κεντρικό "
        "σταθμό με τις ταχέως αναπτυσσόμενες συνοικίες στα βόρεια της πόλης. Σύμφωνα με τον "
        "δήμο, έως και 30.000 επιβάτες θα μπορούν να τη χρησιμοποιούν κάθε μέρα.",
        "Οι εργασίες για το πρώτο τμήμα αναμένεται να ξεκινήσουν την επόμενη άνοιξη. Ο δήμος "
        "εκτιμά το κόστος σε περίπου 280 εκατομμύρια ευρώ, μεγάλο μέρος των οποίων θα καλύψει "
        "το κράτος, όπως δήλωσε μετά τη συνεδρίαση η αντιδήμαρχος αρμόδια για τις μεταφορές.",
    ],
}

POSITIVE: dict[str, dict[str, list[str]]] = {
    "pl": {
        "syndication": [
            "Artykuł ukazał się pierwotnie w tygodniku Polityka.",
            "(PAP)",
            "Źródło: PAP",
            "PAP/Reuters",
        ],
        "related": ["Czytaj także: Jak miasto spłaca swoje długi"],
        "legal": [
            "Wszelkie prawa zastrzeżone.",
            "Regulamin | Polityka prywatności | Kontakt",
            "Kopiowanie i przedruk tekstów bez zgody wydawcy jest zabronione.",
        ],
        "cookie": [
            "Ta strona używa plików cookies, aby świadczyć usługi na najwyższym poziomie.",
            "Akceptuję",
            "Ustawienia cookies",
        ],
        "share": [
            "Udostępnij",
            "Udostępnij na Facebooku",
            "Skopiuj link",
            "Obserwuj nas na Facebooku i Instagramie",
        ],
        "subscribe": [
            "Zapisz się do naszego newslettera",
            "Zaloguj się",
            "Ten artykuł jest dostępny tylko dla subskrybentów.",
        ],
        "advertisement": [
            "Reklama",
            "Materiał partnera",
            "Dalsza część artykułu pod materiałem wideo",
        ],
        "comments": [
            "Komentarze (12)",
            "Dodaj komentarz",
            "Twój adres e-mail nie zostanie opublikowany.",
        ],
        "caption": ["Fot. PAP/Leszek Szymański"],
        "boilerplate": ["Opublikowano: 12.05.2024, 10:30", "Autor: Jan Kowalski"],
        "navigation": [
            "Strona główna",
            "Przejdź do treści",
            "Następny artykuł",
            "Jesteś tutaj: Strona główna > Wiadomości",
        ],
    },
    "cs": {
        "syndication": ["Článek původně vyšel v deníku Právo.", "(ČTK)", "Zdroj: ČTK, Reuters"],
        "related": ["Čtěte také: Jak město splácí své dluhy"],
        "legal": [
            "Všechna práva vyhrazena.",
            "O nás | Kontakt | Ochrana osobních údajů",
            "Jakékoliv užití obsahu bez písemného souhlasu vydavatele je zakázáno.",
        ],
        "cookie": [
            "Tento web používá soubory cookies k poskytování služeb.",
            "Přijmout vše",
            "Nastavení cookies",
        ],
        "share": [
            "Sdílet",
            "Sdílet na Facebooku",
            "Kopírovat odkaz",
            "Sledujte nás na Facebooku a Instagramu",
        ],
        "subscribe": [
            "Přihlaste se k odběru našeho newsletteru",
            "Přihlásit se",
            "Tento článek je dostupný pouze pro předplatitele.",
        ],
        "advertisement": ["Reklama", "Komerční sdělení", "Článek pokračuje pod reklamou"],
        "comments": ["Diskuse (24)", "Přidat komentář", "Vaše e-mailová adresa nebude zveřejněna."],
        "caption": ["Foto: ČTK/Michal Kamaryt"],
        "boilerplate": ["Publikováno: 12. května 2024, 10:30", "Autor: Jan Novák"],
        "navigation": [
            "Hlavní stránka",
            "Přejít na obsah",
            "Další článek",
            "Nacházíte se: Hlavní stránka > Zprávy",
        ],
    },
    "sv": {
        "syndication": [
            "Artikeln publicerades ursprungligen i Dagens Nyheter.",
            "(TT)",
            "TT-AFP",
            "Källa: TT",
        ],
        "related": ["Läs också: Så betalar staden av sina skulder"],
        "legal": [
            "Alla rättigheter förbehållna.",
            "Om oss | Kontakt | Integritetspolicy",
            "Kopiering av material utan skriftligt tillstånd är förbjuden.",
        ],
        "cookie": [
            "Vi använder cookies för att ge dig en bättre upplevelse.",
            "Godkänn alla",
            "Hantera cookies",
        ],
        "share": ["Dela", "Dela på Facebook", "Kopiera länk", "Följ oss på Facebook och Instagram"],
        "subscribe": [
            "Prenumerera på vårt nyhetsbrev",
            "Logga in",
            "Den här artikeln är endast för prenumeranter.",
        ],
        "advertisement": ["Annons", "Annonssamarbete", "Artikeln fortsätter under annonsen"],
        "comments": [
            "Kommentarer (12)",
            "Skriv en kommentar",
            "Din e-postadress kommer inte publiceras.",
        ],
        "caption": ["Foto: Anders Wiklund/TT"],
        "boilerplate": ["Publicerad 12 maj 2024, 10:30", "Av Anna Svensson"],
        "navigation": [
            "Startsida",
            "Gå till innehållet",
            "Nästa artikel",
            "Du är här: Startsida > Nyheter",
        ],
    },
    "da": {
        "syndication": [
            "Artiklen blev oprindeligt bragt i Politiken.",
            "(Ritzau)",
            "Ritzau/AFP",
            "Kilde: Ritzau",
        ],
        "related": ["Læs også: Sådan betaler byen sin gæld af"],
        "legal": [
            "Alle rettigheder forbeholdes.",
            "Om os | Kontakt | Privatlivspolitik",
            "Kopiering af indhold uden skriftlig tilladelse er ikke tilladt.",
        ],
        "cookie": [
            "Vi bruger cookies for at give dig den bedste oplevelse.",
            "Accepter alle",
            "Cookie-indstillinger",
        ],
        "share": ["Del", "Del på Facebook", "Kopier link", "Følg os på Facebook og Instagram"],
        "subscribe": [
            "Tilmeld dig vores nyhedsbrev",
            "Log ind",
            "Denne artikel er kun for abonnenter.",
        ],
        "advertisement": ["Annonce", "Sponsoreret indhold", "Artiklen fortsætter under annoncen"],
        "comments": [
            "Kommentarer (12)",
            "Skriv en kommentar",
            "Din e-mailadresse vil ikke blive publiceret.",
        ],
        "caption": ["Foto: Mads Claus Rasmussen/Ritzau Scanpix"],
        "boilerplate": ["Publiceret 12. maj 2024, 10:30", "Af Mette Jensen"],
        "navigation": [
            "Forside",
            "Gå til indhold",
            "Næste artikel",
            "Du er her: Forside > Nyheder",
        ],
    },
    "no": {
        "syndication": [
            "Saken ble opprinnelig publisert i Aftenposten.",
            "(NTB)",
            "NTB-AFP",
            "Kilde: NTB",
        ],
        "related": ["Les også: Slik betaler byen ned gjelden sin"],
        "legal": [
            "Alle rettigheter forbeholdt.",
            "Om oss | Kontakt | Personvern",
            "Kopiering av innhold uten skriftlig tillatelse er ikke tillatt.",
        ],
        "cookie": [
            "Vi bruker informasjonskapsler for å gi deg en bedre opplevelse.",
            "Godta alle",
            "Administrer samtykke",
        ],
        "share": ["Del", "Del på Facebook", "Kopier lenke", "Følg oss på Facebook og Instagram"],
        "subscribe": [
            "Meld deg på vårt nyhetsbrev",
            "Logg inn",
            "Denne artikkelen er kun for abonnenter.",
        ],
        "advertisement": ["Annonse", "Sponset innhold", "Artikkelen fortsetter under annonsen"],
        "comments": [
            "Kommentarer (12)",
            "Skriv en kommentar",
            "E-postadressen din vil ikke bli publisert.",
        ],
        "caption": ["Foto: Ole Berg-Rusten/NTB"],
        "boilerplate": ["Publisert 12. mai 2024, 10:30", "Av Kari Nordmann"],
        "navigation": [
            "Forside",
            "Gå til innhold",
            "Neste artikkel",
            "Du er her: Forside > Nyheter",
        ],
    },
    "fi": {
        "syndication": [
            "Artikkeli on julkaistu alun perin Helsingin Sanomissa.",
            "(STT)",
            "STT-AFP",
            "Lähde: STT",
        ],
        "related": ["Lue myös: Näin kaupunki maksaa velkojaan"],
        "legal": [
            "Kaikki oikeudet pidätetään.",
            "Tietosuoja | Käyttöehdot | Ota yhteyttä",
            "Sisällön kopiointi ilman kirjallista lupaa on kielletty.",
        ],
        "cookie": [
            "Käytämme evästeitä parantaaksemme käyttökokemustasi.",
            "Hyväksy kaikki",
            "Evästeasetukset",
        ],
        "share": [
            "Jaa",
            "Jaa Facebookissa",
            "Kopioi linkki",
            "Seuraa meitä Facebookissa ja Instagramissa",
        ],
        "subscribe": [
            "Tilaa uutiskirjeemme",
            "Kirjaudu sisään",
            "Tämä artikkeli on vain tilaajille.",
        ],
        "advertisement": ["Mainos", "Kaupallinen yhteistyö", "Artikkeli jatkuu mainoksen alla"],
        "comments": ["Kommentit (12)", "Kirjoita kommentti", "Sähköpostiosoitettasi ei julkaista."],
        "caption": ["Kuva: Lehtikuva/Markku Ulander"],
        "boilerplate": ["Julkaistu 12.5.2024 klo 10:30", "Teksti: Matti Virtanen"],
        "navigation": [
            "Etusivu",
            "Siirry sisältöön",
            "Seuraava artikkeli",
            "Olet tässä: Etusivu > Uutiset",
        ],
    },
    "hu": {
        "syndication": [
            "A cikk eredetileg a Magyar Narancsban jelent meg.",
            "(MTI)",
            "MTI/AP",
            "Forrás: MTI",
        ],
        "related": ["Olvassa el ezt is: Így fizeti vissza adósságait a város"],
        "legal": [
            "Minden jog fenntartva.",
            "Impresszum | Kapcsolat | Adatvédelem",
            "A tartalmak másolása a kiadó engedélye nélkül tilos.",
        ],
        "cookie": [
            "Ez a weboldal sütiket használ a jobb felhasználói élmény érdekében.",
            "Elfogadom",
            "Süti beállítások",
        ],
        "share": [
            "Megosztás",
            "Megosztás Facebookon",
            "Link másolása",
            "Kövessen minket a Facebookon és az Instagramon",
        ],
        "subscribe": [
            "Iratkozzon fel hírlevelünkre",
            "Bejelentkezés",
            "Ez a cikk csak előfizetőknek érhető el.",
        ],
        "advertisement": ["Hirdetés", "Szponzorált tartalom", "A cikk a hirdetés után folytatódik"],
        "comments": ["Hozzászólások (12)", "Szólj hozzá", "Az e-mail címet nem tesszük közzé."],
        "caption": ["Fotó: MTI/Koszticsák Szilárd"],
        "boilerplate": ["Publikálva: 2024. május 12. 10:30", "Szerző: Kovács Anna"],
        "navigation": [
            "Főoldal",
            "Ugrás a tartalomhoz",
            "Következő cikk",
            "Ön itt van: Főoldal > Belföld",
        ],
    },
    "tr": {
        "syndication": [
            "Bu makale ilk olarak Cumhuriyet gazetesinde yayımlanmıştır.",
            "(AA)",
            "Kaynak: AA",
            "İHA",
        ],
        "related": ["İlgili Haber: Belediye borçlarını nasıl ödüyor"],
        "legal": [
            "Tüm hakları saklıdır.",
            "Künye | İletişim | Gizlilik Politikası",
            "Sitede yayınlanan haberler izin alınmadan kullanılamaz.",
        ],
        "cookie": ["Bu site çerezler kullanmaktadır.", "Kabul Et", "Çerez Ayarları"],
        "share": [
            "Paylaş",
            "Facebook'ta paylaş",
            "Bağlantıyı kopyala",
            "Bizi Twitter ve Instagram'da takip edin",
        ],
        "subscribe": [
            "Bültenimize abone olun, haberler e-bültenle gelsin",
            "Giriş Yap",
            "Bu içerik sadece abonelere özeldir.",
        ],
        "advertisement": ["Reklam", "Sponsorlu İçerik", "Haberin devamı reklamdan sonra"],
        "comments": ["Yorumlar (12)", "Yorum Yap", "E-posta adresiniz yayımlanmayacak."],
        "caption": ["Fotoğraf: AA/Ali Balıkçı"],
        "boilerplate": ["Yayınlanma: 12.05.2024 10:30", "Yazar: Ahmet Yılmaz"],
        "navigation": ["Ana Sayfa", "İçeriğe geç", "Sonraki Haber", "Ana Sayfa > Gündem"],
    },
    "ro": {
        "syndication": [
            "Articolul a apărut inițial în Gazeta Sporturilor.",
            "(Agerpres)",
            "Sursa: Agerpres",
            "Preluat de pe hotnews.ro",
        ],
        "related": ["Citește și: Cum își plătește orașul datoriile"],
        "legal": [
            "Toate drepturile rezervate.",
            "Despre noi | Contact | Politica de confidențialitate",
            "Reproducerea conținutului fără acordul redacției este interzisă.",
        ],
        "cookie": [
            "Acest site folosește cookie-uri pentru a îmbunătăți experiența ta.",
            "Accept toate",
            "Setări cookie",
        ],
        "share": [
            "Distribuie",
            "Distribuie pe Facebook",
            "Copiază link",
            "Urmărește-ne pe Facebook și Instagram",
        ],
        "subscribe": [
            "Abonează-te la newsletterul nostru",
            "Autentificare",
            "Acest articol este disponibil doar pentru abonați.",
        ],
        "advertisement": ["Publicitate", "Advertorial", "Articolul continuă după reclamă"],
        "comments": [
            "Comentarii (12)",
            "Lasă un comentariu",
            "Adresa ta de email nu va fi publicată.",
        ],
        "caption": ["Foto: Inquam Photos/Octav Ganea"],
        "boilerplate": ["Publicat: 12.05.2024, 10:30", "Autor: Ion Popescu"],
        "navigation": [
            "Acasă",
            "Sari la conținut",
            "Articolul următor",
            "Sunteți aici: Acasă > Știri",
        ],
    },
    "id": {
        "syndication": [
            "Artikel ini telah tayang di Kompas.com dengan judul lain.",
            "(Antara)",
            "Sumber: Antara",
            "Reuters/Antara",
        ],
        "related": ["Baca juga: Cara kota melunasi utangnya"],
        "legal": [
            "Hak cipta dilindungi undang-undang.",
            "Tentang Kami | Redaksi | Kebijakan Privasi",
            "Dilarang mengutip atau menyalin artikel ini tanpa izin tertulis dari redaksi.",
        ],
        "cookie": [
            "Kami menggunakan cookie untuk meningkatkan pengalaman Anda.",
            "Saya setuju",
            "Pengaturan cookie",
        ],
        "share": [
            "Bagikan",
            "Bagikan ke Facebook",
            "Salin tautan",
            "Ikuti kami di Instagram dan Twitter",
        ],
        "subscribe": [
            "Berlangganan newsletter kami",
            "Masuk",
            "Artikel ini khusus untuk pelanggan.",
        ],
        "advertisement": ["Iklan", "Konten bersponsor", "Scroll untuk melanjutkan membaca"],
        "comments": [
            "Komentar (12)",
            "Tulis komentar",
            "Alamat email Anda tidak akan dipublikasikan.",
        ],
        "caption": ["Foto: Antara/Aditya Pradana Putra"],
        "boilerplate": ["Diperbarui: 12/05/2024, 10:30", "Penulis: Budi Santoso"],
        "navigation": ["Beranda", "Langsung ke konten", "Artikel selanjutnya", "Beranda > Berita"],
    },
    "ko": {
        "syndication": ["(서울=연합뉴스)", "연합뉴스", "출처: 뉴시스"],
        "related": ["관련기사: 시, 부채 상환 계획 발표"],
        "legal": [
            "무단 전재 및 재배포 금지",
            "회사소개 | 개인정보처리방침 | 이용약관",
            "저작권자 ⓒ 연합뉴스. 무단 전재-재배포, AI 학습 및 활용 금지",
        ],
        "cookie": ["이 웹사이트는 쿠키를 사용합니다.", "모두 동의", "쿠키 설정"],
        "share": ["공유하기", "URL 복사", "카카오톡 공유", "페이스북 트위터 카카오톡"],
        "subscribe": ["뉴스레터 구독하기", "로그인", "이 기사는 유료 회원 전용입니다."],
        "advertisement": ["광고", "스폰서 콘텐츠"],
        "comments": ["댓글 0", "댓글 쓰기", "댓글을 입력하세요"],
        "caption": ["사진=연합뉴스"],
        "boilerplate": ["입력 2024.05.12 10:30", "홍길동 기자"],
        "navigation": ["본문 바로가기", "전체메뉴", "다음 기사", "홈 > 사회"],
    },
    "ar": {
        "syndication": [
            "نشر هذا المقال في الأصل على موقع الجزيرة.",
            "(رويترز)",
            "المصدر: وكالات",
            "أ ف ب",
        ],
        "related": ["اقرأ أيضاً: كيف تسدد المدينة ديونها"],
        "legal": [
            "جميع الحقوق محفوظة",
            "من نحن | اتصل بنا | سياسة الخصوصية",
            "يمنع نسخ المواد المنشورة أو إعادة نشرها دون إذن مسبق من الموقع.",
        ],
        "cookie": [
            "هذا الموقع يستخدم ملفات تعريف الارتباط لتحسين تجربتك.",
            "قبول الكل",
            "إعدادات ملفات تعريف الارتباط",
        ],
        "share": ["شارك", "شارك على فيسبوك", "انسخ الرابط", "تابعونا على فيسبوك وتويتر"],
        "subscribe": ["اشترك في النشرة البريدية", "تسجيل الدخول", "هذا المقال متاح فقط للمشتركين."],
        "advertisement": ["إعلان", "محتوى برعاية", "تابع القراءة أسفل الإعلان"],
        "comments": ["التعليقات (12)", "أضف تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني."],
        "caption": ["مصدر الصورة: رويترز"],
        "boilerplate": ["تاريخ النشر: 12/05/2024 10:30", "بقلم: أحمد علي"],
        "navigation": ["الرئيسية", "انتقل إلى المحتوى", "المقال التالي", "الرئيسية > أخبار"],
    },
    "uk": {
        "syndication": [
            "Стаття вперше опублікована в Українській правді.",
            "(Укрінформ)",
            "Джерело: УНІАН",
            "Reuters",
        ],
        "related": ["Читайте також: Як місто сплачує свої борги"],
        "legal": [
            "Всі права захищені.",
            "Про нас | Контакти | Політика конфіденційності",
            "Використання матеріалів сайту дозволяється лише з посиланням на джерело.",
        ],
        "cookie": [
            "Ми використовуємо файли cookies для покращення роботи сайту.",
            "Прийняти все",
            "Налаштування cookies",
        ],
        "share": [
            "Поділитися",
            "Поділитися у Facebook",
            "Скопіювати посилання",
            "Підписуйтесь на наш Telegram-канал",
        ],
        "subscribe": [
            "Підпишіться на нашу розсилку новин",
            "Увійти",
            "Цей матеріал доступний лише для передплатників.",
        ],
        "advertisement": ["Реклама", "На правах реклами", "Партнерський матеріал"],
        "comments": [
            "Коментарі (12)",
            "Залишити коментар",
            "Ваша адреса e-mail не буде опублікована.",
        ],
        "caption": ["Фото: Укрінформ"],
        "boilerplate": ["Опубліковано: 12.05.2024, 10:30", "Автор: Олена Коваленко"],
        "navigation": ["Головна", "Перейти до вмісту", "Наступна стаття", "Головна > Новини"],
    },
    "el": {
        "syndication": [
            "Το άρθρο δημοσιεύθηκε αρχικά στην Καθημερινή.",
            "(ΑΠΕ-ΜΠΕ)",
            "Πηγή: ΑΠΕ-ΜΠΕ",
            "Reuters",
        ],
        "related": ["Διαβάστε επίσης: Πώς ο δήμος αποπληρώνει τα χρέη του"],
        "legal": [
            "Με επιφύλαξη παντός δικαιώματος.",
            "Όροι χρήσης | Πολιτική απορρήτου | Επικοινωνία",
            "Απαγορεύεται η αναδημοσίευση του περιεχομένου χωρίς άδεια.",
        ],
        "cookie": [
            "Χρησιμοποιούμε cookies για να βελτιώσουμε την εμπειρία σας.",
            "Αποδοχή όλων",
            "Ρυθμίσεις cookies",
        ],
        "share": [
            "Κοινοποίηση",
            "Κοινοποίηση στο Facebook",
            "Αντιγραφή συνδέσμου",
            "Ακολουθήστε μας στο Facebook και στο Instagram",
        ],
        "subscribe": [
            "Εγγραφείτε στο newsletter μας",
            "Σύνδεση",
            "Το άρθρο είναι διαθέσιμο μόνο για συνδρομητές.",
        ],
        "advertisement": ["Διαφήμιση", "Χορηγούμενο περιεχόμενο", "ΔΙΑΦΗΜΙΣΗ"],
        "comments": [
            "Σχόλια (12)",
            "Γράψτε ένα σχόλιο",
            "Η διεύθυνση email σας δεν θα δημοσιευθεί.",
        ],
        "caption": ["Φωτογραφία: Eurokinissi"],
        "boilerplate": ["Δημοσιεύθηκε: 12/05/2024, 10:30", "Του Γιώργου Παπαδόπουλου"],
        "navigation": ["Αρχική", "Μετάβαση στο περιεχόμενο", "Επόμενο άρθρο", "Αρχική > Ειδήσεις"],
    },
}

RELATED: dict[str, tuple[list[str], list[str]]] = {
    "pl": (
        [
            "Czytaj także",
            "Zobacz również",
            "Polecamy",
            "Najczęściej czytane",
            "Podobne artykuły",
            "Może cię zainteresować",
        ],
        [
            "Wisła osiągnęła rekordowy poziom po ulewach",
            "Mieszkańcy domagają się odpowiedzi po drugiej powodzi",
            "Właściciele jachtów liczą straty po zimowych sztormach",
        ],
    ),
    "cs": (
        ["Čtěte také", "Mohlo by vás zajímat", "Související články", "Nejčtenější", "Doporučujeme"],
        [
            "Vltava dosáhla rekordní hladiny po deštích",
            "Obyvatelé žádají odpovědi po druhé povodni",
            "Majitelé jachet sčítají škody po zimních bouřích",
        ],
    ),
    "sv": (
        [
            "Läs också",
            "Relaterade artiklar",
            "Mest lästa",
            "Du kanske också gillar",
            "Fler nyheter",
        ],
        [
            "Vattennivån i Göta älv når rekordhöjd efter regnet",
            "Boende kräver svar efter den andra översvämningen",
            "Båtägare räknar förlusterna efter vinterstormarna",
        ],
    ),
    "da": (
        ["Læs også", "Relaterede artikler", "Mest læste", "Flere nyheder"],
        [
            "Vandstanden i Gudenåen når rekordhøjde efter regnen",
            "Beboere kræver svar efter den anden oversvømmelse",
            "Bådejere gør skaderne op efter vinterstormene",
        ],
    ),
    "no": (
        ["Les også", "Relaterte artikler", "Mest lest", "Flere saker"],
        [
            "Vannstanden i Glomma når rekordnivå etter regnet",
            "Beboere krever svar etter den andre flommen",
            "Båteiere teller skadene etter vinterstormene",
        ],
    ),
    "fi": (
        ["Lue myös", "Luetuimmat", "Aiheeseen liittyvät artikkelit", "Uusimmat"],
        [
            "Kymijoen vedenkorkeus nousi ennätykseen sateiden jälkeen",
            "Asukkaat vaativat vastauksia toisen tulvan jälkeen",
            "Veneilijät laskevat talvimyrskyjen vahinkoja",
        ],
    ),
    "hu": (
        ["Kapcsolódó cikkek", "Ez is érdekelheti", "Legolvasottabb", "Friss hírek"],
        [
            "Rekordszintre emelkedett a Duna az esőzések után",
            "Válaszokat várnak a lakók a második árvíz után",
            "Hajótulajdonosok számolják a téli viharok kárait",
        ],
    ),
    "tr": (
        ["İlgili Haberler", "Bunlar da ilginizi çekebilir", "EN ÇOK OKUNANLAR", "Son Dakika"],
        [
            "Dicle Nehri yağışların ardından rekor seviyeye ulaştı",
            "Mahalle sakinleri ikinci selin ardından yanıt bekliyor",
            "Tekne sahipleri kış fırtınalarının zararını hesaplıyor",
        ],
    ),
    "ro": (
        ["Citește și", "Cele mai citite", "Articole similare", "Ultimele știri"],
        [
            "Dunărea a atins un nivel record după ploi",
            "Localnicii cer răspunsuri după a doua inundație",
            "Proprietarii de ambarcațiuni își numără pagubele după furtuni",
        ],
    ),
    "id": (
        ["Baca Juga", "Berita Terkait", "Terpopuler", "Pilihan Redaksi"],
        [
            "Sungai Ciliwung meluap setelah hujan deras semalaman",
            "Warga menuntut jawaban setelah banjir kedua bulan ini",
            "Nelayan menghitung kerugian akibat badai musim hujan",
        ],
    ),
    "ko": (
        ["관련기사", "많이 본 뉴스", "인기 기사", "최신 기사"],
        [
            "한강 수위, 폭우로 역대 최고치 기록",
            "주민들, 두 번째 홍수 후 대책 요구",
            "요트 소유주들, 겨울 폭풍 피해 집계",
        ],
    ),
    "ar": (
        ["اقرأ أيضاً", "مقالات ذات صلة", "الأكثر قراءة", "آخر الأخبار"],
        [
            "منسوب نهر النيل يبلغ مستوى قياسيا بعد الأمطار",
            "السكان يطالبون بإجابات بعد الفيضان الثاني",
            "أصحاب القوارب يحصون خسائر العواصف الشتوية",
        ],
    ),
    "uk": (
        ["Читайте також", "Новини за темою", "Популярні новини", "Вам може бути цікаво"],
        [
            "Рівень води у Дніпрі досяг рекордної позначки",
            "Мешканці вимагають відповідей після другої повені",
            "Власники яхт підраховують збитки після зимових штормів",
        ],
    ),
    "el": (
        [
            "Διαβάστε επίσης",
            "ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ",
            "Σχετικά άρθρα",
            "Τα πιο δημοφιλή",
            "Τελευταίες ειδήσεις",
        ],
        [
            "Ρεκόρ στη στάθμη του Έβρου μετά τις βροχές",
            "Οι κάτοικοι ζητούν απαντήσεις μετά τη δεύτερη πλημμύρα",
            "Οι ιδιοκτήτες σκαφών μετρούν τις ζημιές από τις καταιγίδες",
        ],
    ),
}
NEGATIVE: dict[str, list[str]] = {
    "pl": [
        "Czytelnicy, którzy zapisali się do newslettera ratusza, "
        "dostali ostrzeżenie w piątek wieczorem.",
        "Sąd orzekł, że strony internetowe muszą pytać o zgodę przed zapisaniem plików cookies.",
        "Komentarze senatora wywołały w piątek krytykę obu partii.",
        "Według PAP w wypadku zginęło dwanaście osób.",
        "Reklama alkoholu w internecie ma zostać zakazana, poinformowali posłowie.",
    ],
    "cs": [
        "Čtenáři přihlášení k odběru newsletteru radnice dostali varování v pátek večer.",
        "Soud rozhodl, že weby musí žádat o souhlas, než uloží soubory cookies.",
        "Komentáře senátora vyvolaly v pátek kritiku obou stran.",
        "Podle ČTK při nehodě zahynulo dvanáct lidí.",
    ],
    "sv": [
        "Läsare som prenumererar på kommunens nyhetsbrev fick en varning på fredagskvällen.",
        "Domstolen slog fast att webbplatser måste be om samtycke innan de sparar cookies.",
        "Senatorns kommentarer väckte kritik från båda partierna.",
        "Enligt TT omkom tolv personer i olyckan.",
    ],
    "da": [
        "Læsere, der abonnerer på kommunens nyhedsbrev, fik en advarsel fredag aften.",
        "Retten fastslog, at hjemmesider skal bede om samtykke, før de gemmer cookies.",
        "Senatorens kommentarer vakte kritik fra begge partier.",
        "Ifølge Ritzau omkom tolv mennesker ved ulykken.",
    ],
    "no": [
        "Lesere som abonnerer på kommunens nyhetsbrev, fikk en advarsel fredag kveld.",
        "Retten slo fast at nettsteder må be om samtykke før de lagrer informasjonskapsler.",
        "Senatorens kommentarer vakte kritikk fra begge partier.",
        "Ifølge NTB omkom tolv mennesker i ulykken.",
    ],
    "fi": [
        "Kaupungin uutiskirjeen tilanneet lukijat saivat varoituksen perjantai-iltana.",
        "Tuomioistuimen mukaan verkkosivustojen on pyydettävä lupa ennen evästeiden tallentamista.",
        "Senaattorin kommentit herättivät arvostelua molemmissa puolueissa.",
        "STT:n mukaan onnettomuudessa kuoli kaksitoista ihmistä.",
    ],
    "hu": [
        "A városháza hírlevelére feliratkozott olvasók pénteken este figyelmeztetést kaptak.",
        "A bíróság kimondta, hogy a weboldalaknak engedélyt kell kérniük a sütik tárolása előtt.",
        "A szenátor hozzászólásai pénteken mindkét párt bírálatát kiváltották.",
        "Az MTI szerint a balesetben tizenketten haltak meg.",
    ],
    "tr": [
        "Belediyenin e-bültenine abone olan okuyucular cuma akşamı bir uyarı aldı.",
        "Mahkeme, web sitelerinin çerezleri kaydetmeden önce izin istemesi gerektiğine hükmetti.",
        "Senatörün yorumları cuma günü iki partiden de tepki çekti.",
        "AA'nın haberine göre kazada on iki kişi hayatını kaybetti.",
    ],
    "ro": [
        "Cititorii abonați la newsletterul primăriei au primit vineri seara o avertizare.",
        "Instanța a decis că site-urile trebuie să ceară acordul înainte de a salva cookie-uri.",
        "Comentariile senatorului au provocat vineri critici din partea ambelor partide.",
        "Potrivit Agerpres, în accident au murit douăsprezece persoane.",
    ],
    "id": [
        "Pembaca yang berlangganan newsletter pemerintah kota "
        "menerima peringatan pada Jumat malam.",
        "Pengadilan memutuskan bahwa situs web harus meminta izin sebelum menyimpan cookie.",
        "Komentar senator itu memicu kritik dari kedua partai pada hari Jumat.",
        "Menurut Antara, dua belas orang tewas dalam kecelakaan itu.",
    ],
    "ko": [
        "시청 뉴스레터를 구독한 독자들은 금요일 저녁 경고 메시지를 받았다.",
        "법원은 웹사이트가 쿠키를 저장하기 전에 동의를 받아야 한다고 판결했다.",
        "상원의원의 발언은 금요일 양당 모두의 비판을 받았다.",
        "연합뉴스에 따르면 이번 사고로 12명이 숨졌다.",
    ],
    "ar": [
        "وتلقى القراء المشتركون في النشرة البريدية للبلدية تحذيرا مساء الجمعة.",
        "وقضت المحكمة بأن على المواقع طلب الموافقة قبل حفظ ملفات تعريف الارتباط.",
        "وأثارت تعليقات السيناتور انتقادات من الحزبين يوم الجمعة.",
        "وبحسب رويترز، لقي اثنا عشر شخصا حتفهم في الحادث.",
    ],
    "uk": [
        "Читачі, підписані на розсилку мерії, отримали попередження в пʼятницю ввечері.",
        "Суд постановив, що сайти мають питати згоди, перш ніж зберігати файли cookie.",
        "Коментарі сенатора в пʼятницю викликали критику обох партій.",
        "За даними Укрінформу, внаслідок аварії загинули дванадцять людей.",
        "Реклама алкоголю в інтернеті буде заборонена, повідомили у Верховній Раді.",
    ],
    "el": [
        "Οι αναγνώστες που είναι εγγεγραμμένοι στο newsletter του "
        "δήμου έλαβαν προειδοποίηση την Παρασκευή.",
        "Το δικαστήριο έκρινε ότι οι ιστότοποι πρέπει να ζητούν "
        "συγκατάθεση πριν αποθηκεύσουν cookies.",
        "Τα σχόλια του γερουσιαστή προκάλεσαν την Παρασκευή την κριτική και των δύο κομμάτων.",
        "Σύμφωνα με το ΑΠΕ-ΜΠΕ, δώδεκα άνθρωποι έχασαν τη ζωή τους στο δυστύχημα.",
    ],
}


def article(language: str, *lines: str) -> str:
    """The language's article with these lines between its second and third paragraphs."""
    paragraphs = ARTICLES[language]
    return "".join(line + "\n" for line in (*paragraphs[:2], *lines, *paragraphs[2:]))


def profile_for(language: str, line: str) -> str:
    """ "page" when the rule that catches the line is for page furniture, else the default."""
    text = comparable(line).text
    rule = phrasebook((language, "en")).match(text, len(text.split()))
    return "page" if rule is not None and rule.pages else "auto"


CASES = [
    pytest.param(language, kind, line, id=f"{language}:{kind}:{line[:30]}")
    for language, kinds in POSITIVE.items()
    for kind, lines in kinds.items()
    for line in lines
]
HEADERS = [
    pytest.param(language, header, id=f"{language}:{header}")
    for language, (headers, _) in RELATED.items()
    for header in headers
]
BODY = [
    pytest.param(language, line, id=f"{language}:{line[:40]}")
    for language, lines in NEGATIVE.items()
    for line in lines
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_article_is_detected_as_its_language_and_kept_whole(language: str) -> None:
    text = article(language)
    assert analyse(text, Options()).languages == (language,)
    assert clean(text).removed == ()
    assert clean(text, Options(profile="page")).removed == ()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_examples_cover_every_phrase_kind(language: str) -> None:
    assert set(POSITIVE[language]) >= PHRASE_KINDS


@pytest.mark.parametrize(("language", "kind", "line"), CASES)
def test_boilerplate_line_is_split_off_with_its_kind(language: str, kind: str, line: str) -> None:
    # Page furniture (menus, bylines, photo credits, footer links) applies to page dumps only.
    result = clean(article(language, line), Options(profile=profile_for(language, line)))
    assert [(r.line, r.kind, r.text) for r in result.removed] == [(3, kind, line)]
    assert result.text == article(language)


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


@pytest.mark.parametrize(("language", "line"), BODY)
def test_body_paragraph_that_mentions_boilerplate_words_stays(language: str, line: str) -> None:
    assert clean(article(language, line)).removed == ()
    assert clean(article(language, line), Options(profile="page")).removed == ()


# --- the phrase files themselves --------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_phrase_file_loads_with_unique_rule_names(language: str) -> None:
    assert language in available_languages()
    book = phrasebook((language,))
    names = [rule.name for rule in book.rules]
    assert len(names) == len(set(names)), "rule names repeat"
    assert {rule.kind for rule in book.rules} >= PHRASE_KINDS
    assert book.related_header.pattern != "(?!)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_phrase_rules_are_limited_and_use_no_capturing_groups(language: str) -> None:
    book = phrasebook((language,))
    for rule in book.rules:
        assert 0 < rule.max_words <= 80, rule.name
        assert re.compile(rule.pattern).groups == 0, rule.name
    assert book.related_header.groups == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_line_of_repeated_rule_pieces_is_read_in_linear_time(language: str) -> None:
    """Agency lists and footer-link rows repeat a piece; each piece is read one way only, so a
    4 KB line of pieces that fails at its very end is rejected at once."""
    book = phrasebook((language,))
    pieces = ["reuters/afp/", "ap, ap, ", "kontakt | ", "facebook ", "a and ", "x/"]
    for piece in pieces:
        line = (piece * (4000 // len(piece))) + "1!"
        for rule in book.rules:
            started = time.perf_counter()
            rule.fires(line)
            assert time.perf_counter() - started < 0.5, (rule.name, piece)


# --- language detection ---------------------------------------------------------------------

RUSSIAN = (
    "Городской совет во вторник после дискуссии, которая продолжалась более четырех часов, "
    "утвердил новый транспортный план. Большинство поддержало его вопреки голосам оппозиции, "
    "которая критиковала прежде всего стоимость проекта и сроки работ."
)


def words(text: str) -> list[str]:
    return comparable(text).text.replace(".", " ").replace(",", " ").split()


def test_ukrainian_and_russian_are_told_apart() -> None:
    assert detect(words(" ".join(ARTICLES["uk"]))) == "uk"
    assert detect(words(RUSSIAN)) == "ru"


@pytest.mark.parametrize("language", ["ko", "ar", "el"])
def test_a_script_that_names_its_language_decides_it(language: str) -> None:
    # Even a short headline with no stop word in it is told by its script.
    headline = ARTICLES[language][0].split(".")[0]
    assert detect(words(headline)) == language


def test_persian_in_arabic_script_is_not_taken_for_arabic() -> None:
    persian = "شورای شهر روز سه‌شنبه پس از چهار ساعت بحث طرح جدید حمل و نقل را تصویب کرد"
    assert detect(words(persian)) != "ar"


@pytest.mark.parametrize("language", ["ko", "ar", "uk", "el"])
def test_new_stop_word_lists_cover_the_articles_function_words(language: str) -> None:
    """The page classifier reads a paragraph's stop-word share: prose in these languages must
    show one (a list of content words, or one in another case form, would not)."""
    tokens = words(" ".join(ARTICLES[language]))
    share = sum(token in stopwords(language) for token in tokens) / len(tokens)
    assert share >= 0.1
    assert all(word == comparable(word).text for word in stopwords(language))
