import Foundation
import TablemendDocx
import TablemendFuzzSupport
import TablemendModel

/// Fuzz target for the libxml2 paths: ZIP archives, bare WordprocessingML and flat-OPC XML
/// through libxml2's SAX2 parser and the exact grid builder, and HTML tables through its
/// HTML parser.
///
/// Built with `-DTABLEMEND_FUZZ` (see `tools/fuzz.sh`) it is a libFuzzer target; in a plain
/// build it is a replayer that runs the same code on each file named on the command line.
enum FuzzDocx {
  /// Smaller caps than the defaults so one input stays fast.
  static let limits = FuzzLimits.small

  /// Runs one input through `DocxReader`, and text holding an HTML table through
  /// `HTMLReader`. Errors are expected outcomes.
  static func run(_ data: Data) {
    _ = DocxReader.accepts(data)
    _ = try? DocxReader.read(data, limits: limits)
    if let text = String(data: data, encoding: .utf8), HTMLReader.looksLikeHTML(text) {
      _ = try? HTMLReader.read(text, limits: limits)
    }
  }
}

#if TABLEMEND_FUZZ
  /// libFuzzer's entry point.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzDocxOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    FuzzDocx.run(Data(bytes: bytes, count: count))
    return 0
  }
#else
  /// Replays inputs without sanitizers: `TablemendFuzzDocx FILE…`.
  @main
  enum FuzzDocxReplay {
    static func main() {
      FuzzReplay.main(FuzzDocx.run)
    }
  }
#endif
