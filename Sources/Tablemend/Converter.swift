import Crypto
import Foundation
import TablemendAlign
import TablemendDocx
import TablemendForms
import TablemendGrid
@_exported import TablemendModel
import TablemendSheets
import TablemendText
@_exported import TablemendValues

/// How to read inputs. The defaults detect everything.
public struct ConvertOptions: Sendable, Hashable {
  /// Force a text encoding (`utf-8`, `utf-16le`, `utf-16be`, `gb18030`) instead of detecting it.
  public var encoding: String?
  /// Force a text dialect instead of detecting it.
  public var dialect: String?
  public var limits: Limits
  /// The pages of a PDF to read (`--pages 3-7`); nil reads every page.
  public var pages: PageSelection?

  /// The encodings `encoding` accepts.
  public static var encodingNames: [String] { TextDecoding.encodingNames }

  public init(
    encoding: String? = nil, dialect: String? = nil, limits: Limits = .standard,
    pages: PageSelection? = nil
  ) {
    self.encoding = encoding
    self.dialect = dialect
    self.limits = limits
    self.pages = pages
  }
}

/// The library's front door: bytes of one file in, one `Document` out.
public struct Converter: Sendable {
  /// The version of tablemend (`tablemend --version`).
  public static let version = "0.5.0"

  public var options: ConvertOptions

  /// Lower-case hex of a digest (what `String(format: "%02x")` per byte gives, without
  /// formatting 32 strings).
  static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
    let digits: StaticString = "0123456789abcdef"
    var out: [UInt8] = []
    for byte in bytes {
      out.append(digits.utf8Start[Int(byte >> 4)])
      out.append(digits.utf8Start[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Lower-case hex SHA-256 of `data`: `source.sha256`, and the key a batch recognises an
  /// input by.
  public static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

  /// `sha256(data)`, read 4 MiB at a time, `release` called after each (nil: at once).
  static func sha256(_ data: Data, releasing release: (() -> Void)?) -> String {
    guard let release else { return sha256(data) }
    var hasher = SHA256()
    data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
      var at = 0
      while at < bytes.count {
        let end = min(bytes.count, at + (4 << 20))
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: bytes[at..<end]))
        release()
        at = end
      }
    }
    return hex(hasher.finalize())
  }

  /// The text dialects tablemend detects, by the names `source.dialect` and `--dialect` use.
  public static var textDialects: [String] { TextReader.dialects + [HTMLReader.dialect] }

  /// The Word readers' names (`source.dialect`): a DOCX package, a bare `document.xml`, a flat
  /// OPC file. `--dialect` with one of them reads the input as Word XML.
  public static let wordDialects = ["docx", "wordprocessingml", "flat-opc"]

  /// The workbook readers' names (`source.dialect`): `xlsx`, `excel-2003-xml`, `xls` (BIFF8
  /// `.xls` and WPS `.et`).
  public static var sheetDialects: [String] { SheetsReader.dialects }

  /// Every reader by the name `--dialect` takes: one registry for the Word readers, the
  /// workbook readers, the PDF reader, HTML and the text dialects.
  public static var dialects: [String] {
    wordDialects + sheetDialects + [PDFInput.dialect] + textDialects
  }

  public init(options: ConvertOptions = ConvertOptions()) {
    self.options = options
  }

  /// Converts the file at `url`.
  /// - Throws: `ConversionError` naming the file when it cannot be read at all.
  public func convert(fileAt url: URL) throws(ConversionError) -> Document {
    try convert(data: load(url), path: url.path)
  }

  /// Converts the file at `url` and encodes its compact JSON (see
  /// `convertToJSON(data:path:)`).
  /// - Throws: `ConversionError` naming the file when it cannot be read at all.
  public func convertToJSON(fileAt url: URL) throws(ConversionError) -> (
    document: Document, json: [Data]
  ) {
    try convertToJSON(data: load(url), path: url.path)
  }

  /// How the typed row aligner reads the text file at `url` (`IndicatorAligner.trace`).
  /// - Throws: `ConversionError` when the file cannot be read or decoded.
  public func alignmentTrace(fileAt url: URL) throws(ConversionError) -> String {
    let data = try load(url)
    if PDFInput.accepts(data) {
      throw ConversionError(
        path: url.path,
        message:
          "a PDF has no text cells to trace: its grids come from its rulings "
          + "(`tablemend show FILE --tables` prints them)")
    }
    do {
      let text = try TextDecoding.decode(data, forcing: options.encoding)
      return IndicatorAligner.trace(text.text)
    } catch {
      throw ConversionError(path: url.path, place: error.place, message: error.message)
    }
  }

  /// The decoded text of a text export (what locations' lines and columns count), or nil for
  /// a Word document, a binary file or bytes that do not decode (`tablemend view` shows it
  /// beside the tables).
  public func sourceText(data: Data) -> String? {
    if options.dialect.map({ Self.wordDialects.contains($0) }) == true { return nil }
    if options.dialect == nil, DocxReader.accepts(data) { return nil }
    if BinarySniffer.kind(of: data) != nil { return nil }
    guard data.count <= options.limits.maxTextBytes else { return nil }
    return try? TextDecoding.decode(data, forcing: options.encoding).text
  }

  /// The bytes of the file at `url`, within the input limit.
  /// - Throws: `ConversionError` naming the file when it is missing, a folder, too large or
  ///   unreadable.
  public func load(_ url: URL) throws(ConversionError) -> Data {
    try check(url)
    return try readChecked(url)
  }

  /// The bytes of the file at `url`, already checked (`check`).
  /// - Throws: `ConversionError` naming the file when it is unreadable.
  private func readChecked(_ url: URL) throws(ConversionError) -> Data {
    do {
      return try Data(contentsOf: url)
    } catch {
      throw ConversionError(path: url.path, message: "cannot read file (permission or I/O error)")
    }
  }

  /// Checks that `url` names a file within the input limit.
  /// - Throws: `ConversionError` naming the file when it is missing, a folder or too large.
  private func check(_ url: URL) throws(ConversionError) {
    let path = url.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ConversionError(path: path, message: "no such file")
    }
    if isDirectory.boolValue {
      throw ConversionError(
        path: path, message: "is a directory (use `tablemend batch` for folders)")
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    if size > options.limits.maxInputBytes {
      throw ConversionError(
        path: path,
        message:
          "file is \(size) bytes, over the input limit of \(options.limits.maxInputBytes) (maxInputBytes)"
      )
    }
  }

  /// Converts bytes read from `path` (used only to name the source and in errors).
  /// - Throws: `ConversionError` when the bytes cannot be decoded or parsed at all.
  public func convert(data: Data, path: String) throws(ConversionError) -> Document {
    let read = try self.read(data: data, path: path)
    let recognised = recognize(read)
    return Document(
      source: read.source, tables: read.tables, forms: recognised.forms,
      diagnostics: read.diagnostics + recognised.diagnostics)
  }

  /// `convert(data:path:)` and the document's compact JSON (`JSONOutput.encode(document)`, in
  /// the parts `JSONOutput.encode(_:encodedTables:)` gives), the tables' JSON written on a
  /// second thread while the forms stage runs (on the 2,000-row DOCX benchmark, 26 M of the
  /// 38 M instructions of JSON overlap the forms stage's 100 M).
  /// - Throws: `ConversionError` when the bytes cannot be decoded or parsed at all.
  public func convertToJSON(data: Data, path: String) throws(ConversionError) -> (
    document: Document, json: [Data]
  ) {
    encoded(try self.read(data: data, path: path))
  }

  /// The document of what was read and its JSON, the tables' JSON written on a second thread
  /// while the forms stage runs.
  private func encoded(_ read: Read) -> (document: Document, json: [Data]) {
    let tables = read.tables
    let encoded = EncodedTables()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) {
      encoded.data = JSONOutput.encodeTables(tables)
    }
    let recognised = recognize(read)
    let document = Document(
      source: read.source, tables: tables, forms: recognised.forms,
      diagnostics: read.diagnostics + recognised.diagnostics)
    group.wait()
    return (document, JSONOutput.encode(document, encodedTables: encoded.data))
  }

  /// Documents whose tables hold more cells than this are written in pieces by
  /// `convertForOutput` (about 10 MB of JSON).
  public static let streamedCells = 50_000

  /// Converts the file at `url` for writing out (see `convertForOutput(data:path:)`).
  /// A file of 1 MiB or more is mapped rather than read (`MappedInput`), its pages let go as
  /// they are read, so that a large workbook's bytes are not held either.
  /// - Throws: `ConversionError` naming the file when it cannot be read at all.
  public func convertForOutput(fileAt url: URL) throws(ConversionError) -> ConvertedOutput {
    try check(url)
    if let input = MappedInput(path: url.path) {
      return try convertForOutput(data: input.data, path: url.path, releaseInput: input.release)
    }
    return try convertForOutput(data: readChecked(url), path: url.path)
  }

  /// `convertToJSON(data:path:)` for a caller that writes the JSON out (`ConvertedOutput.write`):
  /// a document whose tables hold more than `streamedCells` cells is written in pieces as its
  /// JSON is encoded, never held whole (a 100,000-row workbook's is 178 MB), and a workbook's
  /// table that cannot hold a form (none of the scalars a form needs in it or in any
  /// paragraph of the workbook) is not even built: its cells are made one at a time as they
  /// are written. An `.xlsx` sheet of more than `keptCells` cells with text is not even held:
  /// it is summarised as it is read (`gridSurvey`) and its cells are spilled to an unlinked
  /// temporary file (or, without one, read again from the package) and read back as they are
  /// written, so that memory stays flat in its rows. A smaller document is encoded as
  /// `convertToJSON` does.
  /// - Throws: `ConversionError` when the bytes cannot be decoded or parsed at all.
  public func convertForOutput(
    data: Data, path: String, streamedCells: Int = Converter.streamedCells,
    keptCells: Int = SheetsReader.keptCells
  ) throws(ConversionError) -> ConvertedOutput {
    try convertForOutput(
      data: data, path: path, streamedCells: streamedCells, keptCells: keptCells,
      releaseInput: nil)
  }

  /// `convertForOutput(data:path:streamedCells:keptCells:)` calling `releaseInput` now and
  /// then once bytes of `data` were read (`MappedInput.release`).
  func convertForOutput(
    data: Data, path: String, streamedCells: Int = Converter.streamedCells,
    keptCells: Int = SheetsReader.keptCells, releaseInput: (@Sendable () -> Void)?
  ) throws(ConversionError) -> ConvertedOutput {
    var read = try self.read(
      data: data, path: path, grids: true, keptCells: keptCells, releaseInput: releaseInput)
    let cells =
      read.tables.reduce(0) { $0 + $1.cells.count }
      + read.grids.values.reduce(0) { $0 + $1.cellCount }
    if cells <= streamedCells {
      read.buildGrids()
      let (document, json) = encoded(read)
      return ConvertedOutput(document: document, json: json, grids: [:])
    }
    let recognised = recognize(read)
    let document = Document(
      source: read.source, tables: read.tables, forms: recognised.forms,
      diagnostics: read.diagnostics + recognised.diagnostics)
    return ConvertedOutput(document: document, json: nil, grids: read.grids)
  }

  /// The forms of what was read; for text exports, the typed row aligner's indicators where
  /// they read more than the grid's.
  private func recognize(_ read: Read) -> Recognition {
    var recognised = read.recognition ?? FormRecognizer.recognize(read.blocks)
    if let text = read.text {
      let merged = AlignedIndicators.merge(
        forms: recognised.forms, blocks: read.aligned, text: text)
      recognised.forms = merged.forms
      if merged.aligned {
        recognised.diagnostics.removeAll {
          FormRecognizer.indicatorDiagnosticCodes.contains($0.code)
        }
      }
      recognised.diagnostics += merged.diagnostics
    }
    if recognised.forms.isEmpty {
      let labels =
        read.text.map { AlignedIndicators.levelLabelCount(in: [$0]) }
        ?? AlignedIndicators.levelLabelCount(inCells: read.forEachCellText)
        + read.surveyedLevelLabels
      if labels >= 2 {
        recognised.diagnostics.append(
          Diagnostic(
            .warning, "no-form",
            "\(labels) indicator level labels (产出指标, 数量指标 …) were found but no form could "
              + "be built from them: the layout was not recognised", at: nil))
      }
    }
    return recognised
  }

  /// What reading gives before the forms stage.
  private struct Read {
    var source: Source
    var blocks: [Block]
    var diagnostics: [Diagnostic]
    /// The decoded text of a text export that went through the text dialects, else nil.
    var text: String? = nil
    /// The typed row aligner's blocks of that text (empty for exact grids and other inputs).
    var aligned: [AlignedBlock] = []
    /// The forms stage's reading of `blocks`, when reading already needed it.
    var recognition: Recognition? = nil
    /// Workbook tables whose cells are not made (see `convertForOutput`), by id; `blocks` holds
    /// each one's placeholder (no cells) where it stands.
    var grids: [String: SheetGrid] = [:]
    var tables: [Table] { blocks.compactMap(\.table) }

    /// Calls `body` with the text of every cell of the tables, the grids' included but those
    /// whose texts were surveyed as they were read (`surveyedLevelLabels` counts theirs).
    func forEachCellText(_ body: (String) -> Void) {
      for table in tables {
        if let grid = grids[table.id] {
          if grid.surveyed == nil { grid.forEachText(body) }
        } else {
          for cell in table.cells { body(cell.text) }
        }
      }
    }

    /// The level labels of the grids whose texts were surveyed as they were read
    /// (`Converter.gridSurvey`).
    var surveyedLevelLabels: Int {
      grids.values.reduce(0) { $0 + ($1.surveyed?.count ?? 0) }
    }

    /// The grids' placeholders replaced by their tables.
    mutating func buildGrids() {
      guard !grids.isEmpty else { return }
      blocks = blocks.map { block in
        guard case .table(let table) = block, let grid = grids[table.id] else { return block }
        return .table(grid.table())
      }
      grids = [:]
    }
  }

  /// Bytes to blocks: the input limit, the digest, and the DOCX or text readers.
  /// - Parameter grids: Leave a workbook's tables that cannot hold a form unbuilt (`Read.grids`).
  /// - Parameter releaseInput: Called now and then once bytes of `data` were read (the
  ///   digest's, a workbook's parts).
  private func read(
    data: Data, path: String, grids allowGrids: Bool = false,
    keptCells: Int = SheetsReader.keptCells, releaseInput: (@Sendable () -> Void)? = nil
  ) throws(ConversionError) -> Read {
    if data.count > options.limits.maxInputBytes {
      throw ConversionError(
        path: path,
        message:
          "input is \(data.count) bytes, over the input limit of \(options.limits.maxInputBytes) (maxInputBytes)"
      )
    }
    let digest = Self.sha256(data, releasing: releaseInput)
    let blocks: [Block]
    let diagnostics: [Diagnostic]
    let encoding: String
    let dialect: String
    var alignText: String? = nil
    var aligned: [AlignedBlock] = []
    var recognition: Recognition? = nil
    var grids: [String: SheetGrid] = [:]
    if let forced = options.dialect, !Self.dialects.contains(forced) {
      throw ConversionError(
        path: path,
        message: "unknown dialect '\(forced)'; known: \(Self.dialects.joined(separator: ", "))")
    }
    if options.dialect == PDFInput.dialect || (options.dialect == nil && PDFInput.accepts(data)) {
      guard PDFInput.accepts(data) else {
        throw ConversionError(
          path: path, message: "--dialect pdf needs a PDF (%PDF- header), and this input is not one"
        )
      }
      let content = try PDFInput.read(data, path: path, options: options)
      return Read(
        source: Source(path: path, sha256: digest, encoding: "binary", dialect: PDFInput.dialect),
        blocks: content.blocks, diagnostics: content.diagnostics)
    }
    let forcedWord = options.dialect.map { Self.wordDialects.contains($0) } ?? false
    if forcedWord && !DocxReader.accepts(data) {
      throw ConversionError(
        path: path,
        message:
          "--dialect \(options.dialect ?? "") needs a DOCX package, a WordprocessingML "
          + "document.xml or a flat OPC file, and this input is none of them")
    }
    let forcedSheet = options.dialect.flatMap { SheetsReader.Format(rawValue: $0) }
    let sheetFormat = options.dialect == nil ? SheetsReader.format(of: data) : forcedSheet
    if let sheetFormat {
      do throws(SheetsError) {
        if allowGrids {
          let content = try SheetsReader.readGrids(
            data, format: sheetFormat, limits: options.limits, survey: Self.gridSurvey,
            keptCells: keptCells, releaseInput: releaseInput)
          (blocks, grids) = Self.sheetBlocks(content.items)
          if let failure = Self.readFailure(content.items) { throw failure }
          diagnostics = content.diagnostics
          dialect = content.dialect
        } else {
          let content = try SheetsReader.read(data, format: sheetFormat, limits: options.limits)
          blocks = content.blocks
          diagnostics = content.diagnostics
          dialect = content.dialect
        }
        encoding = "binary"
      } catch {
        throw ConversionError(
          path: path, place: error.place,
          message: "\(Self.sheetKind(sheetFormat)): \(error.message)")
      }
    } else if options.dialect == nil || forcedWord, DocxReader.accepts(data) {
      do {
        let content = try DocxReader.read(data, limits: options.limits)
        blocks = content.blocks
        diagnostics = content.diagnostics
        encoding = "binary"
        dialect = content.dialect
      } catch {
        throw ConversionError(path: path, place: error.place, message: error.message)
      }
    } else {
      if let kind = BinarySniffer.kind(of: data) {
        throw ConversionError(
          path: path, message: "\(kind.name), not a text export: \(kind.advice)")
      }
      if data.count > options.limits.maxTextBytes {
        throw ConversionError(
          path: path,
          message:
            "text input is \(data.count) bytes, over the limit of \(options.limits.maxTextBytes) (maxTextBytes)"
        )
      }
      var text: DecodedText
      do {
        text = try TextDecoding.decode(data, forcing: options.encoding)
      } catch {
        throw ConversionError(path: path, place: error.place, message: error.message)
      }
      encoding = text.encoding
      let wrap =
        options.dialect == nil
        ? AlignedIndicators.wrapSpacesJoined(text.text) : (joined: nil, blocks: nil)
      // The aligner's reading of the text, where choosing how to read its spaces took it.
      let known = wrap.blocks
      if let joined = wrap.joined {
        text.text = joined
        text.diagnostics.append(
          Diagnostic(
            .info, "wrap-spaces-joined",
            "single spaces between Chinese characters were read as wrapped cell text, not as "
              + "cell boundaries (the typed row aligner recognised clearly more that way); "
              + "columns of later locations on such lines are shifted",
            at: nil))
      }
      if options.dialect == HTMLReader.dialect
        || (options.dialect == nil && HTMLReader.looksLikeHTML(text.text))
      {
        // HTML tables (a saved page, an HTML export, Markdown with raw HTML tables).
        let content: DocxContent
        do {
          content = try HTMLReader.read(text.text, limits: options.limits)
        } catch {
          throw ConversionError(path: path, place: error.place, message: error.message)
        }
        blocks = content.blocks
        diagnostics = text.diagnostics + content.diagnostics
        dialect = content.dialect
      } else {
        var tokens: TokenizedText
        let built: (blocks: [Block], diagnostics: [Diagnostic])
        do {
          tokens = try TextReader.tokenize(
            text.text, dialect: options.dialect, limits: options.limits)
          let fromPDF = AlignedIndicators.isFromPDF(text.text)
          if !Self.exactGridDialects.contains(tokens.dialect) {
            alignText = text.text
            // The aligner's blocks replace the dialect's rows in the tables, except in text from
            // a PDF (page breaks), whose pages the aligner does not model.
            aligned = known ?? IndicatorAligner.blocks(in: text.text)
            if !fromPDF {
              tokens = AlignedTables.substitute(tokens, aligned)
            }
          }
          var grid = try GridBuilder.build(tokens, limits: options.limits)
          // Tab-separated text is an exact grid when it keeps the empty slots of merged cells
          // (a word processor's "save as text"), but a table copied out of a web browser drops
          // the slots a merged cell covers; a PDF page's layout text is read by its columns,
          // which a second table on the page (项目名称 / 主管部门 above the indicators) can
          // throw off: the aligner's reading is taken where it recognises clearly more.
          // The check reads the text a second time; it is bounded to texts of one document's
          // size (256 KB), so that a concatenation of thousands of rows is read once.
          if Self.checkedGridDialects.contains(tokens.dialect), !fromPDF,
            text.text.utf8.count <= 256 << 10
          {
            let exactReading = FormRecognizer.recognize(grid.blocks)
            let exact = AlignedIndicators.quality(exactReading.forms.flatMap(\.indicators))
            let blocks = known ?? IndicatorAligner.blocks(in: text.text)
            let alignedQuality = AlignedIndicators.quality(blocks.flatMap(\.indicators))
            // A layout text's columns are taken over where they gave no indicator, or as many
            // indicators as the aligner but clearly worse ones (the aligner's count of wrapped
            // fragments can outweigh a good reading, so counts must match).
            let better: Bool
            if tokens.dialect == TabPerRowDialect.name {
              better = AlignedIndicators.clearlyBetter(aligned: alignedQuality, grid: exact)
            } else if tokens.dialect == CSVDialect.name {
              // Commas in prose (a document site's `由会员分享,可在线阅读,…` over a table run
              // together) can pass for a CSV's: its fields are taken only when they gave
              // indicators.
              better = exact <= 0 && alignedQuality > 0
            } else {
              let counts = (
                exactReading.forms.reduce(0) { $0 + $1.indicators.count },
                blocks.reduce(0) { $0 + $1.indicators.count }
              )
              // More indicators are taken only when they read well one by one (a known 二级, a
              // target and a name for nearly every one), not as wrapped fragments.
              let wellRead = counts.1 > 0 && alignedQuality >= 2.5 * Double(counts.1)
              better =
                (exact <= 0 && alignedQuality > 0)
                || ((counts.0 * 5 >= counts.1 * 4 || wellRead) && counts.1 * 5 >= counts.0 * 4
                  && AlignedIndicators.clearlyBetter(aligned: alignedQuality, grid: exact))
            }
            if better {
              alignText = text.text
              aligned = blocks
              tokens = AlignedTables.substitute(tokens, blocks)
              grid = try GridBuilder.build(tokens, limits: options.limits)
            } else {
              recognition = exactReading  // the grid stands: its reading is the forms'
            }
          }
          built = grid
        } catch {
          throw ConversionError(path: path, place: error.place, message: error.message)
        }
        blocks = built.blocks
        diagnostics = text.diagnostics + built.diagnostics
        dialect = tokens.dialect
      }
    }
    return Read(
      source: Source(path: path, sha256: digest, encoding: encoding, dialect: dialect),
      blocks: blocks, diagnostics: diagnostics, text: alignText, aligned: aligned,
      recognition: recognition, grids: grids)
  }

  /// A workbook's blocks, its grids left unbuilt (a placeholder in `blocks`) when neither they
  /// nor any paragraph of the workbook hold a scalar a form needs
  /// (`FormRecognizer.holdsFormScalar`): the forms stage passes over such a table whatever
  /// stands before it, so it never needs its cells.
  static func sheetBlocks(_ items: [SheetItem]) -> (blocks: [Block], grids: [String: SheetGrid]) {
    let paragraphsMayHoldForms = items.contains { item in
      guard case .block(.paragraph(let text, _)) = item else { return false }
      return FormRecognizer.holdsFormScalar(text)
    }
    var blocks: [Block] = []
    var grids: [String: SheetGrid] = [:]
    for item in items {
      switch item {
      case .block(let block): blocks.append(block)
      case .grid(let grid):
        var mayHoldForm = paragraphsMayHoldForms || grid.surveyed?.marked == true
        if !mayHoldForm, grid.surveyed == nil {
          grid.forEachText { text in
            if !mayHoldForm, FormRecognizer.holdsFormScalar(text) { mayHoldForm = true }
          }
        }
        if mayHoldForm {
          blocks.append(.table(grid.table()))
        } else {
          blocks.append(.table(grid.placeholder))
          grids[grid.id] = grid
        }
      }
    }
    return (blocks, grids)
  }

  /// What a large workbook sheet's texts are read for as the sheet is read, its cells not
  /// held (`SheetsReader.readGrids`): whether a table may hold a form
  /// (`FormRecognizer.holdsFormScalar`, marked) and its level labels (counted), what
  /// `sheetBlocks` and `recognize` would otherwise read its cells for.
  static let gridSurvey = SheetTextSurvey {
    var labels = AlignedIndicators.LevelLabelTally()
    return { text in
      SheetTextSurvey.Tally(
        marked: FormRecognizer.holdsFormScalar(text), count: labels.count(text))
    }
  }

  /// The first failure of reading a sheet's cells again while its items' tables were built.
  static func readFailure(_ items: [SheetItem]) -> SheetsError? {
    for case .grid(let grid) in items {
      if let failure = grid.readFailure { return failure }
    }
    return nil
  }

  /// What a workbook format is, for errors (`an .xlsx workbook: …`).
  static func sheetKind(_ format: SheetsReader.Format) -> String {
    switch format {
    case .xlsx: return "an .xlsx workbook"
    case .excel2003XML: return "an Excel 2003 XML workbook"
    case .xls: return "a BIFF8 workbook (.xls / .et)"
    }
  }

  /// Exact-grid dialects whose reading is checked against the aligner's (see `read`).
  static let checkedGridDialects: Set<String> = [
    TabPerRowDialect.name, PdftotextLayoutDialect.name, CSVDialect.name,
  ]

  /// Text dialects the aligner leaves alone: those that keep every cell (their grids are exact),
  /// and `pdftotext-layout`, whose column geometry the layout reader uses (unless its reading
  /// fails the check of `checkedGridDialects`).
  static let exactGridDialects: Set<String> = [
    "tab-per-row", "csv", "cell-per-line", "pandoc-grid", "tsv-repeated-spans", "pdftotext-layout",
    "mediawiki", "asciidoc", "latex",
  ]
}

/// The tables' JSON, written by the worker of `Converter.convertToJSON` and read after its
/// group is waited on (the wait orders the write before the read).
private final class EncodedTables: @unchecked Sendable {
  var data = Data()
}

/// A converted document ready to be written out (`Converter.convertForOutput`): its compact
/// JSON encoded already, or written in pieces by `write`, a large workbook table's cells made
/// one at a time as they are written.
public struct ConvertedOutput: Sendable {
  /// The document; a workbook table left unbuilt stands in its `tables` without cells (its
  /// JSON, from `write`, has them all).
  let document: Document
  /// The JSON in parts to write one after the other, when it was encoded whole.
  public let json: [Data]?
  let grids: [String: SheetGrid]

  /// The forms found.
  public var forms: [Form] { document.forms }

  /// The document with every table's cells (workbook tables left unbuilt are built now).
  public func fullDocument() -> Document {
    guard !grids.isEmpty else { return document }
    var full = document
    full.tables = document.tables.map { grids[$0.id]?.table() ?? $0 }
    return full
  }

  /// Writes the compact JSON (`JSONOutput.encode(fullDocument())`'s bytes) through `sink`, in
  /// pieces of about `chunkSize` bytes unless it was encoded whole.
  /// - Throws: What `sink` throws; nothing more is written after it. `SheetsError` once every
  ///   piece was written when reading a large sheet's cells again failed (the JSON written is
  ///   then not the document's).
  public func write(
    chunkSize: Int = 1 << 20, to sink: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    if let json {
      for part in json { try part.withUnsafeBytes(sink) }
      return
    }
    let grids = self.grids
    try JSONOutput.write(
      document, chunkSize: chunkSize,
      cells: grids.isEmpty
        ? nil
        : { table, body in
          if let grid = grids[table.id] {
            grid.forEachCell(body)
          } else {
            for cell in table.cells { body(cell) }
          }
        }, plainCells: { grids[$0.id] }, to: sink)
    for grid in grids.values {
      if let failure = grid.readFailure { throw failure }
    }
  }
}
