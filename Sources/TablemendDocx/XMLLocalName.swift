/// The element local names the DOCX reader acts on; every other name is `other`.
///
/// The stream turns libxml2's interned name into one of these once per distinct name, so the
/// readers compare small enum values instead of building a `String` per element.
package enum XMLLocalName: String, CaseIterable, Sendable {
  // Roots and package structure.
  case document, `package`
  case relationship = "Relationship"
  case fallback = "Fallback"
  // Paragraph text.
  case p, r, t, tab, ptab, br, cr, noBreakHyphen, softHyphen, sym, fldChar
  // Tables.
  case tbl, tblGrid, gridCol, tr, trPr, gridBefore, gridAfter, tc, tcPr, gridSpan, vMerge, hMerge
  // Subtrees skipped whole: deleted text, field instructions, drawings, properties.
  case del, moveFrom, delText, delInstrText, instrText, drawing, pict, object, pPr, rPr, tblPr
  case tblPrEx, sectPr, sdtPr, sdtEndPr, tblGridChange, tblPrChange, trPrChange, tcPrChange
  case pPrChange, rPrChange, sectPrChange, tblPrExChange, numberingChange, footnotePr
  case endnotePr, background
  // Markers that may sit between two tables without separating them.
  case bookmarkStart, bookmarkEnd, proofErr, commentRangeStart, commentRangeEnd, permStart
  case permEnd, moveFromRangeStart, moveFromRangeEnd, moveToRangeStart, moveToRangeEnd
  // SpreadsheetML worksheets and shared strings (`is` is an inline string, `rPh` a phonetic run).
  case row, mergeCell, col, si, rPh
  case cell = "c"
  case value = "v"
  case inlineString = "is"
  /// Any other name (no XML name starts with `#`).
  case other = "#other"

  /// The name for a local name's UTF-8 text.
  package init(text: String) {
    self = Self.byText[text] ?? .other
  }

  private static let byText: [String: XMLLocalName] = Dictionary(
    uniqueKeysWithValues: allCases.filter { $0 != .other }.map { ($0.rawValue, $0) })

  /// A Word element whose subtree is not body text (see `WordBodyReader`).
  var isSkippedInWord: Bool {
    switch self {
    case .del, .moveFrom, .delText, .delInstrText, .instrText, .drawing, .pict, .object, .pPr,
      .rPr, .tblPr, .tblPrEx, .sectPr, .sdtPr, .sdtEndPr, .tblGridChange, .tblPrChange,
      .trPrChange, .tcPrChange, .pPrChange, .rPrChange, .sectPrChange, .tblPrExChange,
      .numberingChange, .footnotePr, .endnotePr, .background:
      return true
    default:
      return false
    }
  }

  /// A Word element that may stand between two tables that Word still shows as one.
  var isTransparentBetweenTables: Bool {
    switch self {
    case .tbl, .bookmarkStart, .bookmarkEnd, .proofErr, .commentRangeStart, .commentRangeEnd,
      .permStart, .permEnd, .moveFromRangeStart, .moveFromRangeEnd, .moveToRangeStart,
      .moveToRangeEnd:
      return true
    default:
      return false
    }
  }
}
