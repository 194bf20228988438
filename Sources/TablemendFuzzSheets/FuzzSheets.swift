import Foundation
import TablemendFuzzSupport
import TablemendModel
import TablemendSheets

/// Fuzz target for the workbook readers: the OLE2 compound file and BIFF8 records, `.xlsx`
/// packages (ZIP, then libxml2 over each part) and Excel 2003 XML, through to the tables; and
/// the input as a worksheet part, read by the xlsx reader's own scanner beside libxml2; an
/// `.xlsx` whose sheets are summarised as they are read, beside the same workbook read whole.
///
/// Built with `-DTABLEMEND_FUZZ` (see `tools/fuzz.sh`) it is a libFuzzer target; in a plain
/// build it is a replayer that runs the same code on each file named on the command line.
enum FuzzSheets {
  /// Smaller caps than the defaults so one input stays fast.
  static let limits = FuzzLimits.small

  /// A survey for summarised sheets (marks 级, counts characters).
  static let survey = SheetTextSurvey {
    { text in SheetTextSurvey.Tally(marked: text.contains("级"), count: text.count) }
  }

  /// Runs one input through format detection and then through each reader whatever the
  /// detection says (so inputs whose signature a mutation broke still reach the records and
  /// parts behind it). Errors are expected outcomes.
  static func run(_ data: Data) {
    _ = SheetsReader.format(of: data)
    for format in SheetsReader.Format.allCases {
      _ = try? SheetsReader.read(data, format: format, limits: limits)
    }
    // An .xlsx read with its sheets summarised from the third cell on and read again as their
    // tables are built gives the tables, paragraphs and diagnostics of the sheets read whole:
    // the input itself, and the input as the worksheet of a package made around it.
    summarisedAgrees(data)
    if let package = FuzzWorkbook.xlsx(sheet: data) { summarisedAgrees(package) }
    // The input as a worksheet part: the xlsx fast path's scanner, fed in pieces of a size the
    // input picks, gives up or gives exactly the libxml2 handler's sheet.
    let pieceSize = 1 + Int(data.first ?? 0) % 17
    if !WorksheetScannerCheck.agrees(data, pieceSize: pieceSize, limits: limits) {
      preconditionFailure("the worksheet scanner and libxml2 read the part differently")
    }
  }
}

extension FuzzSheets {
  /// Stops when `data`, read as an `.xlsx` whole, gives other blocks or diagnostics than read
  /// with its sheets summarised (or the summarised read fails).
  static func summarisedAgrees(_ data: Data) {
    guard let whole = try? SheetsReader.read(data, format: .xlsx, limits: limits) else { return }
    guard
      let summarised = try? SheetsReader.readGrids(
        data, format: .xlsx, limits: limits, survey: survey, keptCells: 2,
        // The cells spilled to a temporary file, or read again from the part.
        spillDirectory: data.count % 2 == 0 ? NSTemporaryDirectory() : nil)
    else { preconditionFailure("a summarised .xlsx failed where the whole one was read") }
    let blocks = summarised.items.map { item -> Block in
      switch item {
      case .block(let block): return block
      case .grid(let grid):
        if grid.readFailure != nil { preconditionFailure("a summarised sheet read again failed") }
        return .table(grid.table())
      }
    }
    if blocks != whole.blocks || summarised.diagnostics != whole.diagnostics {
      preconditionFailure("a summarised .xlsx gives other blocks than the whole one")
    }
  }
}

#if TABLEMEND_FUZZ
  /// libFuzzer's entry point.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzSheetsOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    FuzzSheets.run(Data(bytes: bytes, count: count))
    return 0
  }
#else
  /// Replays inputs without sanitizers: `TablemendFuzzSheets FILE…`.
  @main
  enum FuzzSheetsReplay {
    static func main() {
      FuzzReplay.main(FuzzSheets.run)
    }
  }
#endif
