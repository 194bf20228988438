import Foundation
import TablemendFuzzSupport
import TablemendModel
import TablemendSheets

/// Fuzz target for the workbook readers: the OLE2 compound file and BIFF8 records, `.xlsx`
/// packages (ZIP, then libxml2 over each part) and Excel 2003 XML, through to the tables; and
/// the input as a worksheet part, read by the xlsx reader's own scanner beside libxml2.
///
/// Built with `-DTABLEMEND_FUZZ` (see `tools/fuzz.sh`) it is a libFuzzer target; in a plain
/// build it is a replayer that runs the same code on each file named on the command line.
enum FuzzSheets {
  /// Smaller caps than the defaults so one input stays fast.
  static let limits = FuzzLimits.small

  /// Runs one input through format detection and then through each reader whatever the
  /// detection says (so inputs whose signature a mutation broke still reach the records and
  /// parts behind it). Errors are expected outcomes.
  static func run(_ data: Data) {
    _ = SheetsReader.format(of: data)
    for format in SheetsReader.Format.allCases {
      _ = try? SheetsReader.read(data, format: format, limits: limits)
    }
    // The input as a worksheet part: the xlsx fast path's scanner, fed in pieces of a size the
    // input picks, gives up or gives exactly the libxml2 handler's sheet.
    let pieceSize = 1 + Int(data.first ?? 0) % 17
    if !WorksheetScannerCheck.agrees(data, pieceSize: pieceSize, limits: limits) {
      preconditionFailure("the worksheet scanner and libxml2 read the part differently")
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
