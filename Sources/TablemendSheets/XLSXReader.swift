import Foundation
import TablemendDocx
import TablemendModel

/// Reads an `.xlsx` (Office Open XML SpreadsheetML) package into a `Workbook`.
///
/// The ZIP access and its inflation caps and the libxml2 SAX stream are the DOCX reader's.
/// Worksheets are streamed and kept sparse: only cells with text are stored, so a lying
/// `<dimension>` or a styled row at 1,048,576 costs nothing. Formulas are never evaluated:
/// their cached values are read.
enum XLSXReader {
  /// True when `data` is a ZIP archive that holds `xl/workbook.xml` (looked up in its central
  /// directory, nothing inflated).
  static func accepts(_ data: Data) -> Bool {
    guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return false }
    let name = Array("xl/workbook.xml".utf8)
    // The central directory's entry names: search the last 1 MiB for the name after a
    // central-directory signature.
    return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
      let n = bytes.count
      var at = max(0, n - (1 << 20))
      while at + 46 + name.count <= n {
        if bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 0x01, bytes[at + 3] == 0x02 {
          let length = Int(bytes[at + 28]) | Int(bytes[at + 29]) << 8
          if length == name.count {
            var same = true
            for k in 0..<length where bytes[at + 46 + k] != name[k] {
              same = false
              break
            }
            if same { return true }
          }
        }
        at += 1
      }
      return false
    }
  }

  /// Reads the workbook.
  /// - Throws: `SheetsError` naming the part and place when the package or a part is damaged
  ///   or passes a limit.
  static func read(_ data: Data, limits: Limits) throws(SheetsError) -> Workbook {
    Workbook(
      sheets: try readSheets(
        data, limits: limits, survey: nil, keptCells: .max, spillDirectory: nil, releaseInput: nil
      ).map(\.sheet))
  }

  /// Reads the workbook's sheets. With a survey, a sheet whose scanner reads more than
  /// `keptCells` cells with text, in reading order, is summarised as it is read (the survey
  /// tallying each text, `SheetCellCollector`) and comes without its cells, which are spilled
  /// to a temporary file in `spillDirectory` (or, without one, read again from its part) and
  /// read back as its tables are written (`StreamedSheet`): a sheet of any size is read in
  /// bounded memory. `releaseInput` is called every `releaseBytes` of a worksheet
  /// scanned (see `SheetsReader.readGrids`).
  /// - Throws: `SheetsError` as `read` does.
  static func readSheets(
    _ data: Data, limits: Limits, survey: SheetTextSurvey?, keptCells: Int,
    spillDirectory: String?, releaseInput: (@Sendable () -> Void)?
  ) throws(SheetsError) -> [(sheet: Sheet, streamed: StreamedSheet?)] {
    var package: DocxPackage
    do {
      package = try DocxPackage(data: data, limits: limits)
    } catch {
      throw SheetsError(place: error.place, message: error.message)
    }
    var workbookPath = "xl/workbook.xml"
    if let rels = try part(&package, "_rels/.rels") {
      let found = try wrap { () throws(DocxError) in
        try DocxPackage.officeDocumentTarget(in: rels)
      }
      if let found { workbookPath = found }
    }
    guard let workbookXML = try part(&package, workbookPath) else {
      throw SheetsError(message: "not an Excel workbook: the package has no \(workbookPath)")
    }
    let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
    let relsPath =
      (folder.isEmpty ? "" : folder + "/") + "_rels/"
      + (workbookPath.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels"
    var relationships: [String: (type: String, target: String)] = [:]
    if let rels = try part(&package, relsPath) {
      relationships = try readRelationships(rels, part: relsPath, folder: folder, limits: limits)
    }
    let info = try readWorkbook(workbookXML, part: workbookPath, limits: limits)
    func target(ofType suffix: String, fallback: String) -> String {
      relationships.values.first { $0.type.hasSuffix(suffix) }?.target ?? fallback
    }
    let prefix = folder.isEmpty ? "" : folder + "/"
    let stringsPath = target(ofType: "/sharedStrings", fallback: prefix + "sharedStrings.xml")
    var strings: [String] = []
    if let xml = try part(&package, stringsPath) {
      strings = try readSharedStrings(xml, part: stringsPath, limits: limits)
    }
    let stylesPath = target(ofType: "/styles", fallback: prefix + "styles.xml")
    var styles = Styles()
    if let xml = try part(&package, stylesPath) {
      styles = try readStyles(xml, part: stylesPath, limits: limits)
    }
    var sheets: [(sheet: Sheet, streamed: StreamedSheet?)] = []
    for entry in info.sheets {
      guard let id = entry.relationship, let rel = relationships[id] else {
        throw SheetsError(
          place: workbookPath,
          message: "sheet \(entry.name) names no relationship of \(relsPath)")
      }
      // Chart sheets and dialog sheets hold no cells.
      guard rel.type.hasSuffix("/worksheet") else { continue }
      // Scanned as it is inflated; parsed by libxml2 as it is inflated when the scanner gives
      // up, and read again whole when that fails, for the exact error.
      let before = package
      var sheet: Sheet
      var streamed: StreamedSheet? = nil
      let source = SheetReplay.Source(
        data: data, part: rel.target, strings: strings, styles: styles, date1904: info.date1904,
        limits: limits, releaseInput: releaseInput)
      if let scanned = scanSheet(
        &package, source, name: entry.name, survey: survey, keptCells: keptCells,
        spillDirectory: spillDirectory)
      {
        (sheet, streamed) = scanned
      } else if let read = try? readSheetStreaming(
        &package, part: rel.target, strings: strings, styles: styles, date1904: info.date1904,
        limits: limits)
      {
        sheet = read
      } else {
        package = before
        guard let xml = try part(&package, rel.target) else {
          throw SheetsError(
            place: relsPath, message: "sheet \(entry.name)'s part \(rel.target) is missing")
        }
        sheet = try readSheet(
          xml, part: rel.target, strings: strings, styles: styles, date1904: info.date1904,
          limits: limits)
      }
      sheet.name = entry.name
      sheet.hidden = entry.hidden
      sheets.append((sheet, streamed))
    }
    return sheets
  }

  /// The worksheet read by `WorksheetScanner`, summarised when a survey is given and it has
  /// more than `keptCells` cells with text in reading order (read a second time, leaving out
  /// the text merges hide, when a merge may hide some: `SheetSummary.mayHideText`), or nil
  /// (`package` as it was) when the scanner gives up: see `scanSheet(_:part:...)`.
  private static func scanSheet(
    _ package: inout DocxPackage, _ source: SheetReplay.Source, name: String,
    survey: SheetTextSurvey?, keptCells: Int, spillDirectory: String?
  ) -> (sheet: Sheet, streamed: StreamedSheet?)? {
    let before = package
    func scan(_ collector: SheetCellCollector) -> (sheet: Sheet, cells: SheetCellCollector.Outcome)?
    {
      // Each reading counts the part once against the total inflated (as the first did).
      var again = before
      guard
        let scanned = scanSheet(
          &again, part: source.part, strings: source.strings, styles: source.styles,
          date1904: source.date1904, limits: source.limits, collector: collector,
          releaseInput: source.releaseInput)
      else { return nil }
      package = again
      return scanned
    }
    guard let survey else {
      guard let scanned = scan(.keepingAll), case .cells(let cells) = scanned.cells else {
        return nil
      }
      var sheet = scanned.sheet
      sheet.cells = cells
      return (sheet, nil)
    }
    guard
      let first = scan(
        SheetCellCollector(
          keep: keptCells, survey: survey, hiding: nil, spillDirectory: spillDirectory))
    else { return nil }
    var outcome = first.cells
    if case .summary(let summary, _) = outcome {
      let merges = SheetMerges(first.sheet.merges, sheet: name)
      if summary.mayHideText(under: merges) {
        guard
          let again = scan(
            SheetCellCollector(
              keep: keptCells, survey: survey, hiding: merges, spillDirectory: spillDirectory))
        else { return nil }
        outcome = again.cells
      }
    }
    if case .unordered = outcome {
      guard let again = scan(.keepingAll) else { return nil }
      outcome = again.cells
    }
    var sheet = first.sheet
    switch outcome {
    case .cells(let cells):
      sheet.cells = cells
      return (sheet, nil)
    case .summary(let summary, let spill):
      return (sheet, StreamedSheet(summary: summary, replay: SheetReplay(source, spill: spill)))
    case .unordered:
      return nil
    }
  }

  /// How many bytes of a worksheet are scanned between calls of `releaseInput` (about 400 KB
  /// of a workbook's deflated bytes).
  static let releaseBytes = 4 << 20

  // MARK: - Parts

  private static func part(_ package: inout DocxPackage, _ path: String) throws(SheetsError)
    -> Data?
  {
    do {
      return try package.part(path)
    } catch {
      throw SheetsError(place: error.place, message: error.message)
    }
  }

  private static func wrap<R>(_ body: () throws(DocxError) -> R) throws(SheetsError) -> R {
    do {
      return try body()
    } catch {
      throw SheetsError(place: error.place, message: error.message)
    }
  }

  /// Streams one XML part.
  private static func stream(
    _ data: Data, part: String, limits: Limits, _ body: (XMLStream) throws(DocxError) -> Void
  ) throws(SheetsError) {
    try wrap { () throws(DocxError) in
      try data.withBytes { (bytes) throws(DocxError) in
        let stream = try XMLStream(bytes: bytes, part: part, maxDepth: limits.maxXMLDepth)
        try stream.parse(body)
      }
    }
  }

  static func readRelationships(
    _ data: Data, part: String, folder: String, limits: Limits
  ) throws(SheetsError) -> [String: (type: String, target: String)] {
    var found: [String: (type: String, target: String)] = [:]
    try stream(data, part: part, limits: limits) { stream in
      guard stream.kind == .elementStart, stream.localName == "Relationship",
        let id = stream.attribute("Id"), let target = stream.attribute("Target")
      else { return }
      let type = stream.attribute("Type") ?? ""
      let path =
        target.hasPrefix("/")
        ? DocxPackage.normalise(target)
        : DocxPackage.normalise((folder.isEmpty ? "" : folder + "/") + target)
      found[id] = (type, path)
    }
    return found
  }

  struct WorkbookInfo {
    var sheets: [(name: String, relationship: String?, hidden: Bool)] = []
    var date1904 = false
  }

  static func readWorkbook(_ data: Data, part: String, limits: Limits) throws(SheetsError)
    -> WorkbookInfo
  {
    var info = WorkbookInfo()
    var sawRoot = false
    try stream(data, part: part, limits: limits) { (stream) throws(DocxError) in
      guard stream.kind == .elementStart else { return }
      let local = stream.localName
      if !sawRoot {
        sawRoot = true
        guard local == "workbook" else {
          throw DocxError(
            place: stream.currentLocation().description,
            message: "not an Excel workbook: the root element is <\(local)>, not <workbook>")
        }
        return
      }
      switch local {
      case "workbookPr":
        let value = stream.attribute("date1904")
        info.date1904 = value == "1" || value == "true"
      case "sheet":
        let state = stream.attribute("state")
        info.sheets.append(
          (
            stream.attribute("name") ?? "Sheet\(info.sheets.count + 1)",
            stream.attribute(anyNamespace: "id"), state == "hidden" || state == "veryHidden"
          ))
      default: break
      }
    }
    return info
  }

  /// Shared strings: each `si`'s text runs joined, phonetic `rPh` runs left out.
  static func readSharedStrings(_ data: Data, part: String, limits: Limits) throws(SheetsError)
    -> [String]
  {
    var strings: [String] = []
    var current = ""
    var inItem = false
    var phonetic = 0
    var inText = false
    try stream(data, part: part, limits: limits) { (stream) throws(DocxError) in
      switch stream.kind {
      case .elementStart:
        switch stream.local {
        case .si:
          inItem = true
          current = ""
        case .rPh: phonetic += 1
        case .t: inText = inItem && phonetic == 0
        default: break
        }
      case .elementEnd:
        switch stream.local {
        case .si:
          if strings.count >= limits.maxCellsPerTable * 4 {
            throw DocxError(
              place: stream.currentLocation().description,
              message:
                "more than \(limits.maxCellsPerTable * 4) shared strings (limit 4 × maxCellsPerTable)"
            )
          }
          strings.append(Text.unescape(current))
          inItem = false
        case .rPh: phonetic = max(0, phonetic - 1)
        case .t: inText = false
        default: break
        }
      case .text:
        if inText { current += stream.text }
      }
    }
    return strings
  }

  /// Number formats by cell style index.
  struct Styles {
    /// `numFmtId` of each `cellXfs/xf`, in order.
    var formatIDs: [Int] = []
    /// Custom codes by id.
    var codes: [Int: String] = [:]

    /// The format code of cell style `index` (nil: General).
    func code(style index: Int) -> String? {
      guard index >= 0, index < formatIDs.count else { return nil }
      let id = formatIDs[index]
      return codes[id] ?? NumberFormat.builtin(id)
    }
  }

  static func readStyles(_ data: Data, part: String, limits: Limits) throws(SheetsError) -> Styles {
    var styles = Styles()
    var inCellXfs = false
    try stream(data, part: part, limits: limits) { stream in
      switch stream.kind {
      case .elementStart:
        switch stream.localName {
        case "numFmt":
          if let id = stream.attribute("numFmtId").flatMap({ Int($0) }),
            let code = stream.attribute("formatCode")
          {
            styles.codes[id] = code
          }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
          styles.formatIDs.append(stream.attribute("numFmtId").flatMap { Int($0) } ?? 0)
        default: break
        }
      case .elementEnd:
        if stream.localName == "cellXfs" { inCellXfs = false }
      case .text: break
      }
    }
    return styles
  }

  /// One worksheet, streamed: cells with text, merges, hidden rows and columns.
  static func readSheet(
    _ data: Data, part: String, strings: [String], styles: Styles, date1904: Bool, limits: Limits
  ) throws(SheetsError) -> Sheet {
    try readSheet(
      part: part, strings: strings, styles: styles, date1904: date1904, limits: limits
    ) { (body) throws(SheetsError) in
      try stream(data, part: part, limits: limits, body)
    }
  }

  /// The worksheet read by `WorksheetScanner` as it is inflated (without its cells) and what
  /// `collector` made of its cells, or nil (`package` as it was) when the scanner gives up,
  /// the part is stored rather than compressed or missing, or inflating it fails: the caller
  /// then reads it with libxml2.
  static func scanSheet(
    _ package: inout DocxPackage, part: String, strings: [String], styles: Styles,
    date1904: Bool, limits: Limits, collector: SheetCellCollector = .keepingAll,
    releaseInput: (@Sendable () -> Void)? = nil
  ) -> (sheet: Sheet, cells: SheetCellCollector.Outcome)? {
    let before = package
    var scanner = WorksheetScanner(
      strings: strings, styles: styles, date1904: date1904, limits: limits, collector: collector)
    var scanned = 0
    let found: Bool
    do {
      found = try package.streamPart(part) { (piece) throws(DocxError) in
        if !scanner.feed(piece) { throw DocxError(place: part, message: "the scanner gave up") }
        scanned += piece.count
        if let releaseInput, scanned >= Self.releaseBytes {
          releaseInput()
          scanned = 0
        }
      }
    } catch {
      found = false
    }
    if found, let scanned = scanner.finishCollected() { return scanned }
    package = before
    return nil
  }

  /// `readSheet` over the worksheet part inflated as it is parsed, never held whole (a sheet
  /// of 1,000,000 cells is 50 MB of XML, and libxml2's memory parser copies it once more).
  /// - Throws: `SheetsError` on anything that goes wrong, with libxml2's places: the caller
  ///   reads the part again with `readSheet` for the exact error (and when the part is stored
  ///   rather than compressed, or missing).
  static func readSheetStreaming(
    _ package: inout DocxPackage, part: String, strings: [String], styles: Styles,
    date1904: Bool, limits: Limits
  ) throws(SheetsError) -> Sheet {
    try readSheet(
      part: part, strings: strings, styles: styles, date1904: date1904, limits: limits
    ) { (body) throws(SheetsError) in
      try wrap { () throws(DocxError) in
        let stream = XMLStream(part: part, maxDepth: limits.maxXMLDepth)
        try stream.parse(
          pieces: { (feed) throws(DocxError) in
            let found = try package.streamPart(part) { (piece) throws(DocxError) in
              if !feed(piece) { throw DocxError(place: part, message: "parse ended") }
            }
            if !found { throw DocxError(place: part, message: "not a compressed part") }
          }, body)
      }
    }
  }

  /// One worksheet's cells, merges and hidden rows and columns from the events `run` hands
  /// the handler it is given.
  private static func readSheet(
    part: String, strings: [String], styles: Styles, date1904: Bool, limits: Limits,
    run: ((XMLStream) throws(DocxError) -> Void) throws(SheetsError) -> Void
  ) throws(SheetsError) -> Sheet {
    var sheet = Sheet(name: "")
    var row = -1
    var column = -1
    var type: String? = nil
    var style = 0
    var value = ""
    var inline = ""
    var inValue = false
    var inInlineText = false
    var inInline = false
    var phonetic = 0
    var inCell = false
    let maxCells = limits.maxCellsPerTable * 4
    var cellText = SheetCellText(strings: strings, styles: styles, date1904: date1904)
    try run { (stream) throws(DocxError) in
      switch stream.kind {
      case .elementStart:
        switch stream.local {
        case .row:
          if let r = stream.attribute("r") {
            guard let n = Int(r), n >= 1, n <= CellReference.maxRows else {
              throw DocxError(
                place: stream.currentLocation().description,
                message: "row number \"\(r)\" is not one of 1…\(CellReference.maxRows)")
            }
            row = n - 1
          } else {
            row += 1
          }
          column = -1
          let hidden = stream.attribute("hidden")
          if hidden == "1" || hidden == "true" { sheet.hiddenRows.insert(row) }
        case .cell:
          inCell = true
          value = ""
          inline = ""
          if let found = stream.withAttributeBytes("r", { CellReference.parse(utf8: $0) }),
            let parsed = found
          {
            column = parsed.column
            row = parsed.row
          } else if let r = stream.attribute("r") {
            guard let parsed = CellReference.parse(r) else {
              throw DocxError(
                place: stream.currentLocation().description,
                message: "cell reference \"\(r)\" is not an A1 reference inside the sheet")
            }
            column = parsed.column
            row = parsed.row
          } else {
            column += 1
            guard column < CellReference.maxColumns else {
              throw DocxError(
                place: stream.currentLocation().description,
                message: "more than \(CellReference.maxColumns) cells in row \(row + 1)")
            }
          }
          type = stream.attribute("t")
          style = stream.attribute("s").flatMap { Int($0) } ?? 0
        case .value: inValue = inCell
        case .inlineString: inInline = inCell
        case .rPh: phonetic += 1
        case .t: inInlineText = inInline && phonetic == 0
        case .mergeCell:
          if let ref = stream.attribute("ref") {
            guard let range = CellRange(a1: ref) else {
              throw DocxError(
                place: stream.currentLocation().description,
                message: "merged range \"\(ref)\" is not an A1 range inside the sheet")
            }
            sheet.merges.append(range)
          }
        case .col:
          let hidden = stream.attribute("hidden")
          if hidden == "1" || hidden == "true",
            let low = stream.attribute("min").flatMap({ Int($0) }),
            let high = stream.attribute("max").flatMap({ Int($0) }), low >= 1, low <= high,
            low <= CellReference.maxColumns
          {
            for c in (low - 1)..<min(high, CellReference.maxColumns) {
              sheet.hiddenColumns.insert(c)
            }
          }
        default: break
        }
      case .elementEnd:
        switch stream.local {
        case .cell:
          inCell = false
          guard row >= 0 else { return }
          let text: String
          do throws(SheetCellText.Failure) {
            text = try cellText.text(
              kind: SheetCellText.Kind(type), style: style, value: value, inline: inline)
          } catch {
            guard case .sharedString(let index) = error else { return }
            throw DocxError(
              place: stream.currentLocation().description,
              message:
                "cell \(Location.a1(row: row, column: column)) names shared string \(index), "
                + "and the workbook has \(strings.count)")
          }
          if !text.isEmpty {
            if sheet.cells.count >= maxCells {
              throw DocxError(
                place: stream.currentLocation().description,
                message:
                  "more than \(maxCells) cells with text in one sheet (limit 4 × maxCellsPerTable)")
            }
            sheet.cells.append(SheetCell(row: row, column: column, text: Text.lines(text)))
          }
        case .value: inValue = false
        case .inlineString: inInline = false
        case .rPh: phonetic = max(0, phonetic - 1)
        case .t: inInlineText = false
        default: break
        }
      case .text:
        if inValue {
          value += stream.text
        } else if inInlineText {
          inline += stream.text
        }
      }
    }
    return sheet
  }
}

/// Text as the workbook stores it to text as the cell shows it.
enum Text {
  /// `_x000D_`-style escapes (ST_Xstring) decoded.
  static func unescape(_ text: String) -> String {
    guard text.has("_x") else { return text }
    var out = ""
    var rest = Substring(text)
    while let start = rest.range(of: "_x") {
      out += rest[..<start.lowerBound]
      let after = rest[start.upperBound...]
      let hex = after.prefix(4)
      if hex.count == 4, after.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16),
        let scalar = Unicode.Scalar(code)
      {
        out.unicodeScalars.append(scalar)
        rest = after.dropFirst(5)
      } else {
        out += "_x"
        rest = after
      }
    }
    out += rest
    return out
  }

  /// Line breaks made `\n` (CR LF and lone CR too).
  static func lines(_ text: String) -> String {
    guard text.containsByte(0x0D) else { return text }
    return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
      of: "\r", with: "\n")
  }
}
