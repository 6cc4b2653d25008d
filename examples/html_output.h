// nerkit-extract --format html: one self-contained page that shows each document's text with its
// entities highlighted, a legend, and a panel of the distinct people, places, organisations and
// dates. Also the escaping and page frame that the evaluation report (report.h) shares.
//
// WHAT THIS IS
//   The page loads nothing: no script, font, style sheet or image, and its Content-Security-Policy
//   (default-src 'none'; style-src 'unsafe-inline') forbids the browser to fetch anything. Text
//   keeps its line breaks and paragraphs (white-space: pre-wrap). Each entity is a
//   <mark class="e LABEL" data-label data-start data-end> whose text is exactly the entity's text
//   (the label beside it is drawn by CSS, so copying the text copies the article), with a title
//   that gives the canonical name, id, normalized value and source. With --explain the candidates
//   that lost are listed struck through with the reason.
//
//     std::string html = HtmlHead("report") + "<p>" + EscapeHtml(text) + "</p>" + HtmlFoot();
//
// THREAD SAFETY
//   Pure functions; HtmlSection may run on several threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "document_writer.h"
#include "nerkit/entity.h"
#include "nerkit/result.h"

// `text` escaped for HTML text and for attribute values quoted with " or ': & < > " ' become
// character references; every byte that is not part of well-formed UTF-8, and every control
// character other than tab, line feed and carriage return, becomes one U+FFFD. Never changes
// what a reader sees otherwise.
std::string EscapeHtml(std::string_view text);
void AppendEscapedHtml(std::string& out, std::string_view text);

// The lower-case CSS class of a label ("person", "location", ...).
std::string_view LabelClass(nerkit::Label label);

// "<!DOCTYPE html>" up to and including "<body>": the charset, the Content-Security-Policy, the
// title, the style sheet of entity highlights and the page frame, and `extra_css`.
std::string HtmlHead(std::string_view title, std::string_view extra_css = {});
// "</body></html>".
std::string HtmlFoot();
// A legend of the labels' colours (<ul class="legend">).
std::string HtmlLegend();

// The <section> of one document: heading, text with highlights, side panel, and the candidates
// that lost when result.rejected is filled. Anchors are "d<index>" for the section and
// "d<index>-e<entity>" for each entity.
std::string HtmlSection(const DocumentInfo& doc, const nerkit::Result& result);
// The <section> of a document that could not be processed.
std::string HtmlErrorSection(const DocumentInfo& doc, const std::string& error);

// The writer of --format html: HtmlHead, the sections, a table of contents when there are
// several documents, HtmlFoot.
std::unique_ptr<DocumentWriter> MakeHtmlWriter(const DocumentWriterOptions& options);
