import Foundation
import TablemendModel

/// What the workbook path read from one file: each sheet's tables (and lone cells as
/// paragraphs) in workbook order, and what it noticed.
public struct SheetsContent: Sendable {
  public var blocks: [Block]
  public var diagnostics: [Diagnostic]
  /// `xlsx`, `excel-2003-xml` or `xls`.
  public var dialect: String

  public init(blocks: [Block], diagnostics: [Diagnostic], dialect: String) {
    self.blocks = blocks
    self.diagnostics = diagnostics
    self.dialect = dialect
  }
}

/// Workbooks to `Table` grids: `.xlsx`, Excel 2003 XML (SpreadsheetML) and BIFF8 `.xls` /
/// WPS `.et`, recognised by their content, never by their name.
public enum SheetsReader {
  /// The workbook formats, by the names `source.dialect` and `--dialect` use.
  public enum Format: String, Sendable, CaseIterable {
    case xlsx
    case excel2003XML = "excel-2003-xml"
    case xls
  }

  /// The dialect names, in `Format` order.
  public static var dialects: [String] { Format.allCases.map(\.rawValue) }

  /// The workbook format `data` holds, or nil when it is none of them: a ZIP with
  /// `xl/workbook.xml`, an OLE2 compound file with a `Workbook` or `Book` stream, or XML whose
  /// root is an Excel 2003 `Workbook`.
  public static func format(of data: Data) -> Format? {
    if XLSXReader.accepts(data) { return .xlsx }
    if CompoundFile.hasSignature(data) {
      // A compound file with a whole header that cannot be parsed is read as a workbook, so
      // that the error names the damage; a readable one without a workbook (or an encrypted
      // package) is another Office file.
      guard let file = try? CompoundFile(data) else { return data.count >= 512 ? .xls : nil }
      let encrypted = file.hasStream("EncryptionInfo") || file.hasStream("EncryptedPackage")
      return file.workbookEntry() != nil || encrypted ? .xls : nil
    }
    if SpreadsheetMLReader.accepts(data) { return .excel2003XML }
    return nil
  }

  /// True when `data` is an OLE2 compound file (a legacy Office file of any kind).
  public static func isCompoundFile(_ data: Data) -> Bool { CompoundFile.hasSignature(data) }

  /// Reads a workbook.
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - format: The format to read it as; nil detects it.
  ///   - limits: Caps on inflated sizes, XML depth, records and table size.
  /// - Returns: The sheets' blocks, diagnostics and the dialect read.
  /// - Throws: `SheetsError` naming the place (`xl/worksheets/sheet2.xml:14:3`,
  ///   `BIFF record 0x00FC at byte 5123`) when the input is not a workbook of that format, is
  ///   damaged or encrypted, or passes a limit.
  public static func read(
    _ data: Data, format: Format? = nil, limits: Limits = .standard
  ) throws(SheetsError) -> SheetsContent {
    guard let format = format ?? Self.format(of: data) else {
      throw SheetsError(
        message:
          "not a workbook: neither an .xlsx package, an OLE2 workbook (.xls, .et) nor Excel 2003 XML"
      )
    }
    let workbook = try workbook(data, format: format, limits: limits)
    let built = try WorkbookTables.blocks(of: workbook, limits: limits)
    return SheetsContent(
      blocks: built.blocks, diagnostics: built.diagnostics, dialect: format.rawValue)
  }

  /// Most cells with text an `.xlsx` sheet read by `readGrids` with a survey holds; a larger
  /// one is summarised and its cells read back (from a spill, or the part) as its tables are
  /// written.
  public static let keptCells = 65_536

  /// `read` with each table left as a `SheetGrid` whose cells are made when asked for.
  /// - Parameters:
  ///   - survey: For an `.xlsx` workbook, what tallies the text of a sheet of more than
  ///     `keptCells` cells with text: such a sheet is read without holding its cells (memory
  ///     flat in its rows), its tables' cells read back when they are asked for (see
  ///     `spillDirectory`), and each table's tally is its `SheetGrid.surveyed`. Nil holds every
  ///     sheet.
  ///   - keptCells: See `survey`.
  ///   - spillDirectory: Where a summarised sheet's cells are written as it is read (an
  ///     unlinked temporary file, `CellSpill`), to be read back when its tables are written; nil
  ///     (or when no file can be made there) reads the worksheet part again instead.
  ///   - releaseInput: Called now and then once bytes of `data` were read, when the sheets are
  ///     summarised (and as they are read again): a caller whose `data` is a file's mapping
  ///     lets its pages go (the bytes are still read after it, from the file).
  /// - Throws: `SheetsError` as `read` does.
  public static func readGrids(
    _ data: Data, format: Format, limits: Limits = .standard, survey: SheetTextSurvey? = nil,
    keptCells: Int = SheetsReader.keptCells,
    spillDirectory: String? = NSTemporaryDirectory(),
    releaseInput: (@Sendable () -> Void)? = nil
  ) throws(SheetsError) -> (items: [SheetItem], diagnostics: [Diagnostic], dialect: String) {
    let built: (items: [SheetItem], diagnostics: [Diagnostic])
    if format == .xlsx, let survey {
      let sheets = try XLSXReader.readSheets(
        data, limits: limits, survey: survey, keptCells: keptCells,
        spillDirectory: spillDirectory, releaseInput: releaseInput)
      built = try WorkbookTables.items(of: sheets, limits: limits, grids: true)
    } else {
      let workbook = try workbook(data, format: format, limits: limits)
      built = try WorkbookTables.items(of: workbook, limits: limits, grids: true)
    }
    return (built.items, built.diagnostics, format.rawValue)
  }

  /// The intermediate `Workbook` of `data` read as `format`.
  /// - Throws: `SheetsError` as `read` does.
  public static func workbook(
    _ data: Data, format: Format, limits: Limits = .standard
  ) throws(SheetsError) -> Workbook {
    switch format {
    case .xlsx: return try XLSXReader.read(data, limits: limits)
    case .excel2003XML: return try SpreadsheetMLReader.read(data, limits: limits)
    case .xls: return try BIFFReader.read(data, limits: limits)
    }
  }
}
