import Foundation
import TablemendAlign
import TablemendFuzzSupport
import TablemendGrid
import TablemendModel
import TablemendText

/// Fuzz target for the text path: bytes → format sniffing and decoding → dialect detection and
/// tokens → grids, wrap-space joining,
/// and the typed row aligner's cell stream and rows.
///
/// Built with `-DTABLEMEND_FUZZ` (see `tools/fuzz.sh`) it is a libFuzzer target; in a plain
/// build it is a replayer that runs the same code on each file named on the command line.
enum FuzzText {
  /// Smaller than the defaults so one input stays fast; the code paths are the same.
  static let limits: Limits = {
    var limits = Limits()
    limits.maxLineLength = 64 << 10
    limits.maxRowsPerTable = 20_000
    limits.maxCellsPerTable = 100_000
    return limits
  }()

  /// Runs one input through the text reader and grid reconstruction. Errors are expected
  /// outcomes; only a crash, a hang or a leak is a finding.
  static func run(_ data: Data) {
    _ = BinarySniffer.kind(of: data)
    guard let text = try? TextDecoding.decode(data) else { return }
    _ = WrapSpaces.joined(text.text)
    if text.text.utf8.count <= 64 << 10 { _ = IndicatorAligner.blocks(in: text.text) }
    guard let tokens = try? TextReader.tokenize(text.text, dialect: nil, limits: limits) else {
      return
    }
    _ = try? GridBuilder.build(tokens, limits: limits)
  }
}

#if TABLEMEND_FUZZ
  /// libFuzzer's entry point.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzTextOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    FuzzText.run(Data(bytes: bytes, count: count))
    return 0
  }
#else
  /// Replays inputs without sanitizers: `TablemendFuzzText FILE…`.
  @main
  enum FuzzTextReplay {
    static func main() {
      FuzzReplay.main(FuzzText.run)
    }
  }
#endif
