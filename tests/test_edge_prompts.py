"""Prompts and notes the line-anchored phrase rules used to miss (issue 11, item 5).

Two comment prompts run together on one line, variants of share and newsletter prompts, author
boxes, photo credits at the end of a caption, and affiliate disclosures. Each sits in the middle
of a short article in its language, as in test_languages.py; sentences of an article that merely
mention a newsletter, a photo, a commission or a reporter stay.
"""

from __future__ import annotations

import pytest

from artclean import Options, clean
from artclean.boilerplate import phrasebook
from artclean.normalize import comparable
from test_languages import ARTICLES as WESTERN
from test_languages_more import ARTICLES as MORE

ENGLISH = [
    "The city council approved the new transport plan on Tuesday after a debate that lasted "
    "more than four hours. The majority pushed it through against the opposition, which "
    "criticised above all the cost of the project and the timetable of the works.",
    "At the heart of the plan is a new tram line linking the central station with the fast "
    "growing districts in the north of the city. According to the council, up to 30,000 "
    "passengers a day could use it by the end of the decade.",
    "Work on the first section is due to begin next spring. The city puts the cost at about "
    "280 million pounds, a large part of which the government has promised to pay, the deputy "
    "mayor for transport said after the meeting.",
]
ARTICLES = {"en": ENGLISH, **WESTERN, **MORE}


def article(language: str, *lines: str) -> str:
    paragraphs = ARTICLES[language]
    return "".join(line + "\n" for line in (*paragraphs[:2], *lines, *paragraphs[2:]))


def profile_for(language: str, line: str) -> str:
    text = comparable(line).text
    rule = phrasebook((language, "en")).match(text, len(text.split()))
    return "page" if rule is not None and rule.pages else "auto"


MISSED = [
    # Comment-form labels run together on one line.
    ("de", "comments", "comment-prompts-merged", "Kommentar verfassen Antwort abbrechen"),
    ("de", "comments", "comment-prompts-merged", "Antworten Melden"),
    ("de", "comments", "comment-prompts-merged", "Schreibe einen Kommentar Antworten abbrechen"),
    ("en", "comments", "comment-prompts-merged", "Leave a Reply Cancel reply"),
    ("en", "comments", "comment-prompts-merged", "Comments (3) Leave a comment"),
    ("fr", "comments", "comment-prompts-merged", "Laisser un commentaire Annuler la réponse"),
    ("es", "comments", "comment-prompts-merged", "Deja un comentario Cancelar respuesta"),
    ("pl", "comments", "comment-prompts-merged", "Dodaj komentarz Anuluj odpowiedź"),
    ("sv", "comments", "comment-prompts-merged", "Lämna en kommentar Avbryt svar"),
    ("ru", "comments", "comment-prompts-merged", "Добавить комментарий Отменить ответ"),
    ("uk", "comments", "comment-prompts-merged", "Залишити коментар Скасувати відповідь"),
    # The notes and options under the common blog software's comment form.
    (
        "en",
        "comments",
        "spam-filter-notice",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
    ),
    (
        "de",
        "comments",
        "spam-filter-notice",
        "Diese Website verwendet Akismet, um Spam zu reduzieren. Erfahre mehr darüber, wie "
        "deine Kommentardaten verarbeitet werden.",
    ),
    (
        "fr",
        "comments",
        "spam-filter-notice",
        "Ce site utilise Akismet pour réduire les indésirables.",
    ),
    ("pt", "comments", "spam-filter-notice", "Esse site utiliza o Akismet para reduzir spam."),
    (
        "sv",
        "comments",
        "spam-filter-notice",
        "Denna webbplats använder Akismet för att minska skräppost.",
    ),
    ("en", "comments", "comment-form-options", "Notify me of follow-up comments by email."),
    (
        "en",
        "comments",
        "comment-form-options",
        "Save my name, email, and website in this browser for the next time I comment.",
    ),
    (
        "de",
        "comments",
        "comment-form-options",
        "Benachrichtige mich über nachfolgende Kommentare via E-Mail.",
    ),
    (
        "de",
        "comments",
        "comment-form-options",
        "Benachrichtigen Sie mich über neue Beiträge per E-Mail.",
    ),
    (
        "de",
        "comments",
        "comment-form-options",
        "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser für die nächste "
        "Kommentierung speichern.",
    ),
    (
        "fr",
        "comments",
        "comment-form-options",
        "Prévenez-moi de tous les nouveaux commentaires par e-mail.",
    ),
    (
        "es",
        "comments",
        "comment-form-options",
        "Recibir un correo electrónico con los siguientes comentarios a esta entrada.",
    ),
    ("en", "share", "like-button", "12 bloggers like this."),
    ("en", "share", "like-button", "Like this: Like Loading... 12 bloggers like this."),
    ("de", "share", "like-button", "2 Bloggern gefällt das."),
    ("de", "share", "like-button", "Gefällt mir Wird geladen … 2 Bloggern gefällt das"),
    ("en", "share", "like-button", "Like Loading ... 1,234 bloggers like this."),
    # Share buttons and comment headers in the words of the common blog software.
    ("en", "share", "click-to", "Click to print (Opens in new window)"),
    ("en", "comments", "comment-count-title", "11 responses to “The tram that never came”"),
    ("de", "share", "share-variants", "Teilen mit:"),
    (
        "de",
        "comments",
        "comment-invitation",
        "Verraten Sie uns gerne in den Kommentaren: Was halten Sie von der neuen Linie?",
    ),
    ("de", "navigation", "read-more-time", "Weiterlesen 5 Minuten"),
    ("en", "navigation", "read-more-time", "5 min read"),
    # Variants of share and newsletter prompts.
    ("de", "share", "share-variants", "Diese Geschichte teilen"),
    ("de", "share", "share-variants", "Dieses Video teilen"),
    ("de", "subscribe", "newsletter-consent", "Ja, ich möchte den Newsletter bekommen"),
    (
        "de",
        "subscribe",
        "newsletter-consent",
        "Ich bin damit einverstanden, dass mir der Verlag den Newsletter per E-Mail zusendet.",
    ),
    ("en", "subscribe", "newsletter-consent", "Yes, I want to receive the newsletter"),
    ("en", "subscribe", "newsletter-consent", "Sign me up for the daily briefing newsletter"),
    ("de", "subscribe", "signup-variants", "Hier kostenlos anmelden"),
    (
        "de",
        "subscribe",
        "signup-variants",
        "Wir informieren Sie regelmäßig über die Arbeit der Redaktion.",
    ),
    ("pl", "subscribe", "invitation", "Zapraszamy też do subskrypcji naszego tygodnika."),
    ("en", "subscribe", "newsletter-title", "The Herald Newsletter"),
    # Disclosures.
    (
        "en",
        "advertisement",
        "disclosure",
        "We may receive compensation when you click on links to products from our partners.",
    ),
    ("en", "advertisement", "disclosure", "This post may contain affiliate links."),
    (
        "en",
        "advertisement",
        "disclosure",
        "As an Amazon Associate I earn from qualifying purchases.",
    ),
    (
        "de",
        "advertisement",
        "disclosure",
        "Hinweis: Kaufen Sie über einen der Links ein, erhalten wir dafür eine kleine Provision.",
    ),
    # Author boxes and photo credits (page furniture: they apply to page dumps).
    ("en", "boilerplate", "author-bio", "About the Author"),
    (
        "en",
        "boilerplate",
        "author-bio",
        "Jane Doe is a staff writer at the Herald covering transport and city hall.",
    ),
    ("de", "boilerplate", "author-bio", "Über die Autorin"),
    (
        "de",
        "boilerplate",
        "author-bio",
        "Anna Müller ist Redakteurin im Ressort Politik und schreibt über Verkehr.",
    ),
    (
        "de",
        "caption",
        "credit-at-end",
        "Die Stadträte am Dienstag im Rathaus. © imago images/Sven Simon",
    ),
    ("de", "caption", "credit-at-end", "Die neue Trasse soll im Norden beginnen. (Foto: dpa)"),
    ("pl", "caption", "credit-at-end", "Radni podczas sesji. Fot. PAP/Leszek Szymański"),
    ("fi", "caption", "credit-at-end", "Valtuutetut kokouksessa tiistaina. Kuva: Lehtikuva"),
    ("el", "caption", "credit-at-end", "Οι σύμβουλοι στη συνεδρίαση. Φωτογραφία: Eurokinissi"),
    ("ko", "caption", "credit-at-end", "시의원들이 회의에 참석했다. 사진=연합뉴스"),
    ("fr", "caption", "credit-at-end", "Les élus en séance mardi. Photo : AFP/Ludovic Marin"),
    ("fr", "caption", "credit-at-end", "Le piquet devant la mairie / (C) Jean Dupont"),
    (
        "es",
        "caption",
        "credit-at-end",
        "Los concejales, el martes, en el pleno (Foto: EFE/Juan Pérez).",
    ),
    ("it", "caption", "credit-at-end", "I consiglieri in aula. Foto: ANSA/Fabio Frustaci"),
    ("ru", "caption", "credit-at-end", "Депутаты на заседании. Фото: ТАСС"),
    ("fr", "comments", "reactions-count", "Vos réactions (11)"),
    ("es", "related", "read-label", "LEA: El Ebro alcanza un caudal récord tras las lluvias"),
    ("pl", "legal", "reproduction", "Materiał chroniony prawem autorskim."),
    ("pl", "related", "read-also-inline", "Dowiedz się więcej: Jak miasto spłaca długi"),
    # Second pass: the blog software's footer credit, post metadata, like button and comment
    # form, a server warning printed into the page, download links with their size.
    ("en", "boilerplate", "powered-by", "Designed by Elegant Themes | Powered by WordPress"),
    ("de", "boilerplate", "powered-by", "Proudly powered by WordPress"),
    (
        "en",
        "boilerplate",
        "server-warning",
        "Warning: Creating default object from empty value in /www/htdocs/wp-includes/"
        "classes.php on line 407",
    ),
    (
        "en",
        "boilerplate",
        "post-meta",
        "This entry was posted in Transport and tagged trams, budget. Bookmark the permalink.",
    ),
    ("en", "boilerplate", "post-meta", "Filed under city hall, trams"),
    ("en", "boilerplate", "post-meta", "Filed Under:City Hall , trams , Detroit"),
    ("en", "boilerplate", "post-meta", "Tags: city hall, trams, Detroit"),
    ("en", "boilerplate", "post-meta", "Subjects: Transport, City hall"),
    ("de", "boilerplate", "post-meta", "getaggt mit: Straßenbahn, Haushalt"),
    ("de", "share", "social-names", "Teilen mit: Facebook WhatsApp E-Mail"),
    ("en", "share", "social-names", "Share this: Facebook Reddit Email"),
    ("en", "caption", "agency-credit", "Jane Smith, AP"),
    ("en", "caption", "agency-credit", "City Herald, Reuters"),
    ("en", "caption", "agency-credit", "Jane Smith / AP"),
    ("en", "caption", "agency-credit", "Courtesy of the Transit Authority via AP"),
    ("en", "caption", "agency-credit", "Getty"),
    ("pl", "boilerplate", "post-meta", "Tagi: tramwaje, budżet miasta"),
    ("fr", "boilerplate", "post-meta", "Mots-clés : tramway, budget, conseil municipal"),
    ("es", "boilerplate", "post-meta", "Etiquetas: tranvía, presupuesto"),
    ("it", "boilerplate", "post-meta", "Tag: tram, bilancio comunale"),
    ("nl", "boilerplate", "post-meta", "Trefwoorden: tram, begroting"),
    ("pt", "boilerplate", "post-meta", "Palavras-chave: bonde, orçamento"),
    (
        "de",
        "boilerplate",
        "post-meta",
        "Dieser Eintrag wurde veröffentlicht in Verkehr und verschlagwortet mit Tram, Haushalt."
        " Permanentlink.",
    ),
    ("de", "boilerplate", "post-meta", "Schlagwörter: Straßenbahn, Stadtrat, Haushalt"),
    ("en", "share", "like-button", "Like this: Like Loading..."),
    ("de", "share", "like-button", "Gefällt mir Wird geladen …"),
    ("en", "comments", "comment-form-fields", "Email (will not be published) (required)"),
    ("en", "comments", "comment-form-fields", "No Responses so far"),
    ("en", "comments", "comment-form-fields", "Comment by Jane Doe — 17.07.2011 @ 13:04"),
    ("de", "comments", "comment-form-fields", "E-Mail (wird benötigt und nicht veröffentlicht)"),
    ("de", "comments", "comment-form-fields", "Keine Kommentare zu „Die Tram, die nie kam“"),
    ("de", "comments", "comment-form-fields", "12 Antworten zu „Die Tram, die nie kam“"),
    ("en", "navigation", "file-download", "Transport plan 2030 (PDF, 2.4 MB)"),
    ("de", "navigation", "file-download", "Beschluss des Stadtrats PDF | 38 KB | barrierefrei"),
    ("de", "navigation", "file-download", "Den Plan als PDF herunterladen"),
    # Bylines with a date, captions that end in their credit or licence, image labels.
    ("en", "boilerplate", "byline-date", "September 15, 2020 by Jane Doe Post a Comment"),
    ("en", "boilerplate", "byline-date", "By Jane Mary Doe Feb 8, 2020 5 min read"),
    ("en", "caption", "credit-at-end", "The deputy mayor at the depot. Mike Blake/Reuters files"),
    ("en", "caption", "credit-at-end", "The new tram at the depot Getty Images"),
    ("de", "caption", "credit-at-end", "Die neue Bahn im Depot. (Quelle: Hume/Unsplash/Stadt)"),
    ("de", "caption", "credit-at-end", "Die neue Bahn im Depot. © Stadtwerke"),
    ("de", "caption", "credit-at-end", "Die neue Bahn im Depot. Foto: Timur | flickr | CC BY 2.0"),
    ("de", "caption", "image-label", "Vergrößern Die neue Bahn im Depot am Dienstag."),
    ("de", "caption", "image-label", "Beitragsbild: Die neue Bahn im Depot"),
    ("de", "caption", "image-label", "Abbildung 3: Der geplante Verlauf der neuen Linie"),
    # Paywall, newsletter and support boxes in their longer wordings.
    ("en", "subscribe", "paywall-variants", "Instant access to the full article PDF."),
    (
        "en",
        "subscribe",
        "paywall-variants",
        "If you're seeing this message but you're already a subscriber, you can log in for "
        "immediate access to this story.",
    ),
    (
        "en",
        "subscribe",
        "paywall-variants",
        "To view the full story, please subscribe to The Herald.",
    ),
    (
        "en",
        "subscribe",
        "newsletter-inbox",
        "Get the latest updates, event announcements, community discussions and tutorials "
        "straight to your inbox with the Herald newsletter.",
    ),
    (
        "en",
        "subscribe",
        "newsletter-variants",
        "Sign up to get the best stories of the week, as picked by the editors.",
    ),
    ("en", "subscribe", "liked-this", "Enjoyed this article?"),
    ("de", "subscribe", "newsletter-variants", "Newsletter abonnieren und Gutschein sichern!"),
    (
        "de",
        "subscribe",
        "newsletter-variants",
        "Nichts mehr verpassen: Abonnieren Sie kostenlos den Herald-Newsletter und bleiben Sie"
        " auf dem Laufenden.",
    ),
    (
        "de",
        "subscribe",
        "newsletter-variants",
        "Lust auf mehr? Lass dir die besten Geschichten jede Woche in deinen Posteingang liefern.",
    ),
    ("de", "subscribe", "support-variants", "Sie lesen gern herald.de?"),
    ("de", "subscribe", "support-variants", "Jede kleine Spende hilft unserer Redaktion!"),
    ("de", "share", "share-question", "Möchten Sie den Artikel teilen?"),
    ("de", "share", "share-question", "Zum Rezept Drucken Pinnen"),
    ("de", "related", "read-another", "Lesen Sie hier einen weiteren spannenden Beitrag …"),
    ("de", "related", "read-another", "Vorschau auf den nächsten Artikel"),
    # Comment policies, review notes, disclaimers, open licences, ratings, two dates.
    (
        "en",
        "comments",
        "comment-policy",
        "We welcome reader comments on the top stories of the day.",
    ),
    (
        "en",
        "comments",
        "comment-policy",
        "We want to hear what you think about this article. Submit a letter to the editor.",
    ),
    ("de", "comments", "comment-form-fields", "Leider sind keine Kommentare möglich."),
    ("en", "boilerplate", "review-note", "Medically reviewed by Jane Doe, MD"),
    (
        "de",
        "boilerplate",
        "review-note",
        "Dieser Text entspricht den Vorgaben der ärztlichen Fachliteratur und wurde von "
        "Medizinern geprüft.",
    ),
    (
        "en",
        "legal",
        "disclaimer",
        "The views expressed in this article are those of the author and do not necessarily "
        "reflect the position of the Herald.",
    ),
    (
        "en",
        "legal",
        "disclaimer",
        "The Herald does not provide medical advice, diagnosis or treatment.",
    ),
    (
        "de",
        "legal",
        "disclaimer",
        "Namentlich gekennzeichnete Beiträge geben nicht unbedingt die Meinung der Redaktion "
        "wieder.",
    ),
    (
        "fr",
        "legal",
        "disclaimer",
        "Les opinions exprimées dans les blogs n'engagent que leurs auteurs.",
    ),
    (
        "en",
        "syndication",
        "open-licence",
        "Unless otherwise noted, content on this site is licensed under a Creative Commons "
        "Attribution 4.0 License.",
    ),
    (
        "de",
        "syndication",
        "open-licence",
        "Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE.",
    ),
    ("en", "navigation", "rating-count", "4.5 out of 5 stars 120 reviews"),
    ("de", "navigation", "rating-count", "3737 Bewertungen"),
    ("de", "boilerplate", "dateline-author", "24. März 2004, 19:49 | Jane Doe"),
    (
        "de",
        "boilerplate",
        "dateline-author",
        "Veröffentlicht am 3. Mai 2021, aktualisiert am 4. Mai 2021, 10:15 Uhr",
    ),
    (
        "it",
        "boilerplate",
        "dateline-pair",
        "Pubblicato il 19 Febbraio 2020 Ultima modifica 19 Febbraio 2020 12:02",
    ),
    (
        "de",
        "subscribe",
        "support-variants",
        "Gefällt dir unser Magazin? Wir haben uns gegen eine Bezahlschranke entschieden.",
    ),
    ("de", "subscribe", "newsletter-variants", "Der Herald-Newsletter: immer bestens informiert!"),
    ("es", "share", "follow-channel", "¡Mira lo que tiene nuestro canal de YouTube!"),
    # The like button, post metadata and comment-form fields of WordPress in more languages.
    ("fr", "share", "like-button", "J’aime chargement…"),
    ("es", "share", "like-button", "Me gusta Cargando..."),
    ("it", "share", "like-button", "Mi piace Caricamento..."),
    ("pt", "share", "like-button", "Curtir Carregando..."),
    ("nl", "share", "like-button", "Vind ik leuk Laden..."),
    ("pl", "share", "like-button", "Lubię to: Wczytywanie…"),
    (
        "fr",
        "boilerplate",
        "post-meta",
        "Cette entrée a été publiée dans Politique. Vous pouvez la mettre en favoris avec ce "
        "permalien.",
    ),
    (
        "es",
        "boilerplate",
        "post-meta",
        "Esta entrada fue publicada en Política y etiquetada tranvía.",
    ),
    ("it", "boilerplate", "post-meta", "Questa voce è stata pubblicata in Politica."),
    ("pt", "boilerplate", "post-meta", "Esta entrada foi publicada em Política."),
    (
        "nl",
        "boilerplate",
        "post-meta",
        "Dit bericht is geplaatst in Politiek. Bookmark de permalink.",
    ),
    ("pl", "boilerplate", "post-meta", "Ten wpis został opublikowany w kategorii Polityka."),
    ("fr", "comments", "comment-form-fields", "Adresse de messagerie (ne sera pas publiée)"),
    ("es", "comments", "comment-form-fields", "Correo electrónico (no será publicado)"),
    ("it", "comments", "comment-form-fields", "Email (non verrà pubblicata)"),
    ("pt", "comments", "comment-form-fields", "E-mail (não será publicado)"),
    ("nl", "comments", "comment-form-fields", "E-mail (wordt niet gepubliceerd)"),
    ("pl", "comments", "comment-form-fields", "Adres e-mail (nie zostanie opublikowany)"),
    ("en", "comments", "comment-prompt", "You must log in to post a comment."),
    ("en", "comments", "comment-prompt", "You must be logged in to post a comment."),
    # Share buttons run together on one line.
    ("de", "share", "social-names", "Weiterempfehlen Drucken"),
    ("de", "share", "social-names", "Rezept drucken Bei Pinterest speichern"),
    # How to reach the writer.
    (
        "en",
        "boilerplate",
        "author-contact",
        "Email Jane Doe at jdoe@example.com or follow her @jdoe. Follow us @Example.",
    ),
    ("en", "boilerplate", "author-contact", "Contact the reporter at news@example.org."),
    (
        "en",
        "legal",
        "publisher-group",
        "City Herald is part of Example Media Inc, an international media group and leading"
        " digital publisher. Visit our corporate site.",
    ),
    (
        "en",
        "legal",
        "publisher-group",
        "The Herald is a division of Example Publishing, a regional media group.",
    ),
    (
        "en",
        "subscribe",
        "latest-updates",
        "Get breaking transit news and the latest updates on timetables, fares and more!",
    ),
    (
        "en",
        "subscribe",
        "latest-updates",
        "Receive the latest headlines from the council and more!",
    ),
    (
        "en",
        "subscribe",
        "sister-title",
        'Need more trams? Subscribe to our sister title "Rail Weekly" Magazine for the latest'
        " news!",
    ),
    (
        "en",
        "legal",
        "copyright-notice",
        "© 2004-2020 Example Health Media Ltd, a Example Company. All rights reserved. Example"
        " is the registered trade mark of Example Health Media. Any medical information"
        " published on this website is not intended as a substitute for informed medical"
        " advice and you should not take any action before consulting with a healthcare"
        " professional, nor rely on it for any decision about your health or your family.",
    ),
    (
        "de",
        "legal",
        "form-consent",
        "Ich bin mit der Verarbeitung meiner Daten nach Datenschutzerklärung einverstanden.",
    ),
    (
        "de",
        "legal",
        "form-consent",
        "Mit Absenden meiner E-Mail-Adresse willige ich bis auf Widerruf ein, den Newsletter"
        " der Stadtwerke zu erhalten.",
    ),
    ("en", "boilerplate", "author-bio", "Jane Doe is a freelance writer living in Leeds"),
    (
        "en",
        "boilerplate",
        "author-bio",
        "Paul Weiss Jr. is a senior reporter for the City Herald. @paulweiss",
    ),
    (
        "en",
        "comments",
        "join-forums",
        "Join our Transit Forums to keep talking trams! And if you have a news tip, let us know.",
    ),
    (
        "en",
        "boilerplate",
        "author-contact",
        "Anna Berg covers transport and the city council for the Herald. Follow her @annaberg.",
    ),
    ("en", "subscribe", "newsletter", "Stay up to date with City Herald."),
    (
        "en",
        "subscribe",
        "newsletter",
        "An email with an activation link has just been sent to your email address. Please"
        " activate your subscription by clicking on the link.",
    ),
    (
        "en",
        "legal",
        "trademark-notice",
        "TramPass, TramPass Plus and the TramPass logo are registered trademarks of Example"
        " Transit Ltd.",
    ),
    (
        "en",
        "legal",
        "disclaimer",
        "*These statements have not been evaluated by the Food and Drug Administration. This"
        " product is not intended to diagnose, treat, cure or prevent any disease.",
    ),
    (
        "en",
        "comments",
        "comment-policy",
        "We would love to hear your feedback on our transit coverage: write to the desk.",
    ),
    (
        "en",
        "comments",
        "comment-policy",
        "When commenting, please follow our community guidelines and avoid personal attacks.",
    ),
]


@pytest.mark.parametrize(
    ("language", "kind", "rule", "line"),
    [pytest.param(*case, id=f"{case[0]}:{case[3][:30]}") for case in MISSED],
)
def test_a_prompt_the_line_rules_missed_is_split_off(
    language: str, kind: str, rule: str, line: str
) -> None:
    result = clean(article(language, line), Options(profile=profile_for(language, line)))
    assert [(r.line, r.kind, r.rule) for r in result.removed] == [(3, kind, rule)]
    assert result.text == article(language)


KEPT = [
    (
        "en",
        "Akismet, the spam filter that ships with WordPress, blocked more than a billion "
        "comments last year.",
    ),
    ("en", "Our newsroom uses Akismet to reduce spam, the editor said."),
    ("en", "The Guardian uses Akismet to fight spam."),
    ("en", "Our newsroom uses Akismet to reduce spam and abuse. Editors still read every comment."),
    ("en", "In the USA Akismet blocked three million spam comments."),
    ("en", "Notify me of new posts by email, she wrote to the council's press office."),
    (
        "de",
        "Die Bürgerinitiative will den Newsletter der Stadt abschaffen, weil ihn kaum "
        "jemand liest.",
    ),
    ("de", "Ich möchte den Newsletter nicht mehr bekommen, sagte eine Anwohnerin."),
    ("de", "Für jede vermittelte Wohnung, so die Maklerin, erhalte sie eine Provision."),
    ("de", "Der Fotograf Sven Simon hat die Sitzung für das Stadtarchiv dokumentiert."),
    ("de", "Anna Müller ist Anwohnerin und hat gegen die Trasse geklagt."),
    ("en", "The minister said we may receive compensation from the EU for the flood damage."),
    ("en", "I want to thank the readers of our newsletter, the mayor wrote."),
    ("en", "Jane Doe is a nurse at the county hospital and uses the tram every day."),
    ("en", "Reply to the council's letter was due on Friday, leave of absence was refused."),
    ("en", "Three comments on the bill were received before the deadline."),
    ("de", "Wir informieren die Anwohner, sagte der Sprecher der Stadt."),
    ("pl", "Policja opublikowała zdjęcie sprawcy i prosi o pomoc."),
    ("pl", "Zapraszamy mieszkańców na spotkanie w sprawie tramwaju."),
    ("fr", "Le point (c) du texte prévoit une hausse des tarifs pour les abonnés."),
    ("es", "Mira, dijo el concejal, esto no es aceptable para los vecinos."),
    ("it", "Il fotografo ha ritratto i consiglieri in aula per l'archivio comunale."),
    # Second pass: sentences with the words of the rules above.
    ("en", "The new depot was designed by a local firm and is powered by solar panels."),
    ("en", "Posted in Berlin for two years, the engineer now runs the tram depot."),
    ("en", "Filed under federal law, the complaint was dismissed on Friday."),
    ("en", "Keywords: the council said on Tuesday that the trams would run all night."),
    ("en", "Tags are the labels a blog gives its posts, the designer explained."),
    ("en", "The footage of the crash was obtained via Reuters."),
    ("en", "He declined to comment, AP."),
    ("en", "Subjects: 40 healthy volunteers aged 18 to 65."),
    ("en", "Tagged: police say the suspect fled on foot"),
    ("es", "Etiquetas: qué dicen y cómo leerlas"),
    ("fr", "Tags : le gouvernement a annoncé un nouveau plan"),
    ("it", "Tag: il consiglio ha approvato il nuovo piano"),
    ("nl", "Labels: wat de nieuwe wet zegt over huurders"),
    ("pl", "Tagi: rada miasta przyjęła nowy plan"),
    ("pt", "Marcadores: o governo anunciou um novo plano"),
    ("en", "Like this, the council hopes to cut journey times by a third."),
    ("en", "No response yet from the ministry, the deputy mayor said."),
    ("en", "Name changes for the stations will be decided by the council in May."),
    ("en", "The report runs to 38 pages and is available as a PDF from the city's website."),
    ("en", "The photo agency was bought by Getty Images in 2019, the company said."),
    ("en", "Shares in Getty Images rose after the announcement."),
    ("en", "Scammers say the parcel notices are delivered to your inbox every day."),
    ("en", "Your plan renews automatically unless you cancel, which many riders forget."),
    ("en", "Sign up to get vaccinated at the town hall, the health office urged residents."),
    ("en", "Enjoyed this article's claims? The council did not, its spokesman said."),
    ("en", "By Tuesday, Feb 8, 2020 the works had not started."),
    (
        "de",
        "Der Artikel wurde veröffentlicht in der Fachzeitschrift, Schlagworte vergab die "
        "Redaktion.",
    ),
    ("de", "Stichworte sind dabei Klima, Verkehr und Haushalt."),
    ("de", "Die Bürger können das Dokument im Rathaus herunterladen."),
    ("de", "Sie lesen gern Krimis?"),
    ("de", "Jede Spende hilft, sagte die Sprecherin des Vereins."),
    (
        "de",
        "Lassen Sie sich nicht jede Werbung in den Posteingang schicken, rät die "
        "Verbraucherzentrale.",
    ),
    ("de", "Vergrößern will die Stadt das Depot erst im nächsten Jahr."),
    ("de", "Nächster Artikel der Serie erscheint am Montag."),
    ("de", "Die Abbildung zeigt den geplanten Verlauf der neuen Linie."),
    ("de", "Der Fotograf hat das Bild unter einer freien Lizenz veröffentlicht."),
    ("en", "We welcome the council's decision, the residents' association said in a statement."),
    ("en", "Comments are moderated by volunteers, the company said."),
    ("en", "The app does not provide medical advice, its maker says, only reminders."),
    ("en", "The views expressed at the meeting were mostly in favour of the new line."),
    ("en", "Kleenex is a trademark of Kimberly-Clark, the company told the court."),
    ("en", "Please follow our guidelines, the mayor told the tram drivers."),
    ("en", "Keep up to date with your vaccinations."),
    ("en", "Stay up to date with the timetable changes, the operator told passengers."),
    # Sentences of articles in the words of the trademark, disclaimer, comment-policy and
    # author-contact rules.
    (
        "en",
        "Velcro is a registered trademark of Velcro Companies, which has asked people for years "
        "to stop using the name as a verb.",
    ),
    (
        "en",
        "Kleenex is a trademark of Kimberly-Clark, which has fought for decades to stop the word "
        "from becoming generic.",
    ),
    (
        "en",
        "The court found that the phrase is a trademark of the restaurant chain in only one "
        "state, Wyoming.",
    ),
    (
        "en",
        "Escalator was once a trademark of the Otis Elevator Company. Today the word is a "
        "trademark of no one, a judge ruled in 1950, and anyone may use it.",
    ),
    (
        "en",
        "Monopoly, Scrabble and Cluedo are all trademarks of Hasbro, which bought the rights in "
        "the 1990s.",
    ),
    (
        "en",
        "These claims have not been evaluated by the FDA, and doctors warn that the pills may "
        "harm the liver.",
    ),
    ("en", "These claims have not been evaluated by the FDA, the company said."),
    (
        "en",
        "This product has not been evaluated by the FDA for safety, yet it is sold in every "
        "pharmacy in the state.",
    ),
    ("en", '"Please respect our rules," the landlord wrote in a letter to tenants last week.'),
    ("en", '"Please follow our guidelines," a sign at the entrance to the park reads.'),
    (
        "en",
        "Residents were told: please follow our rules or face a fine, a notice on the door warned.",
    ),
    (
        "en",
        "The council has asked visitors to please follow our guidelines, a spokesman wrote in an "
        "email.",
    ),
    (
        "en",
        "We welcome comments from residents until March 3, the planning office wrote in its "
        "notice, which was posted on the town hall door on Monday.",
    ),
    ("en", '"I want to hear your feedback on the timetable," Smith wrote to residents on Monday.'),
    (
        "en",
        "The singer now has 40 million followers. Follow her on Instagram and you will see the "
        "same three photos every day, one critic wrote.",
    ),
    (
        "en",
        "He left the company in 2022. Follow him on Twitter and you will find little else but "
        "complaints about the new owner.",
    ),
    (
        "en",
        "The senator has been quiet since. Follow her on Facebook, though, and a different "
        "picture emerges.",
    ),
    ("en", "The plan was reviewed by the transport committee on Monday."),
    ("en", "The ticket machine has 120 ratings on the council's website."),
    ("de", "Leider sind keine Tickets mehr für die Eröffnungsfahrt zu haben."),
    ("de", "Am 24. März 2004 von der Stadt beschlossen, wurde das Projekt mehrfach verschoben."),
    ("de", "Dieser Text wurde von der Redaktion gekürzt."),
    ("de", "Gefällt dir die neue Linie, fragten die Reporter die Fahrgäste."),
    ("fr", "Les opinions exprimées lors du conseil étaient partagées."),
    ("es", "Mira, nuestro canal de riego no funciona, dijo el agricultor."),
    ("it", "Mi piace la nuova linea, ha detto una passeggera."),
    ("nl", "Vind ik leuk, zei een reiziger over de nieuwe tram."),
    ("pl", "Ten wpis w kronice miasta został opublikowany przez radnych."),
    ("en", "Contact the council at the town hall if you want to object to the plan."),
    ("en", "Reach the museum on foot from the station in ten minutes."),
    ("en", "The Herald is owned by the Scott Trust, which appoints the paper's publisher."),
    ("en", "The station is part of Sinclair, the largest broadcast media group in the country."),
    ("en", "Get the latest news on the tram works from the council's new app, launched Monday."),
    ("en", "More than two million people subscribe to the magazine, which was founded in 1925."),
    ("en", "Join the community garden on Saturdays to plant the new beds by the station."),
    ("en", "Her mother was a journalist living in exile in Paris when the war began."),
    ("en", "Her sister is a writer who lives in Leeds and visits every summer."),
    (
        "en",
        "c) 2020 was the year the council first promised the tram to the airport, and the year"
        " it delayed the works again for lack of money from the regional fund, which the mayor"
        " blamed on the government in a long letter that the council published in full.",
    ),
    ("de", "„Ich bin damit einverstanden“, sagte der Bürgermeister nach der Sitzung."),
    (
        "de",
        "Ich bin mit dieser Entscheidung überhaupt nicht einverstanden. Die Stadt hat die Bürger"
        " nie gefragt.",
    ),
    ("de", "Ich bin damit einverstanden, dass die Bahn kommt, aber nicht mit diesen Kosten."),
    ("de", "Ich stimme der Datenschutzbeauftragten zu: Die Kameras am Bahnhof gehen zu weit."),
]


@pytest.mark.parametrize(
    ("language", "line"), [pytest.param(*case, id=f"{case[0]}:{case[1][:30]}") for case in KEPT]
)
def test_an_article_sentence_that_mentions_such_things_stays(language: str, line: str) -> None:
    assert clean(article(language, line)).removed == ()
    assert clean(article(language, line), Options(profile="page")).removed == ()


def test_the_english_article_is_clean() -> None:
    assert clean(article("en")).removed == ()
