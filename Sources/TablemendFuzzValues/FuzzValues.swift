import Foundation
import TablemendFuzzSupport
import TablemendModel
import TablemendValues

/// Fuzz target for the value normaliser: any text in, a `Value` out, never a crash.
///
/// Built with `-DTABLEMEND_FUZZ` (see `tools/fuzz.sh`) it is a libFuzzer target; in a plain
/// build it is a replayer that runs the same code on each file named on the command line.
enum FuzzValues {
  /// Parses the input as one value (invalid UTF-8 repaired, as the readers hand over text).
  static func run(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    _ = ValueParser.parse(text)
  }
}

#if TABLEMEND_FUZZ
  /// libFuzzer's entry point.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzValuesOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    FuzzValues.run(Data(bytes: bytes, count: count))
    return 0
  }
#else
  /// Replays inputs without sanitizers: `TablemendFuzzValues FILE…`.
  @main
  enum FuzzValuesReplay {
    static func main() {
      FuzzReplay.main(FuzzValues.run)
    }
  }
#endif
