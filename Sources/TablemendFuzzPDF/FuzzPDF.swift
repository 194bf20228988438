import Foundation
import TablemendFuzzSupport
import TablemendModel
import TablemendPDF

/// Fuzz target for the reading of mutool's output: an input is mutool's structured text
/// (`-F stext`) and, after the first NUL byte, its drawing trace (`-F trace`); both go through
/// the libxml2 stream readers, and the pages they give through the ruled-table reader.
///
/// Built with `-DTABLEMEND_FUZZ` (see `tools/fuzz.sh`) it is a libFuzzer target; in a plain
/// build it is a replayer that runs the same code on each file named on the command line.
enum FuzzPDF {
  /// Smaller table caps than the defaults so one input stays fast.
  static let limits = FuzzLimits.small

  /// Runs one input. Errors are expected outcomes.
  static func run(_ data: Data) {
    let cut = data.firstIndex(of: 0) ?? data.endIndex
    let stext = Data(data[data.startIndex..<cut])
    let trace = cut < data.endIndex ? Data(data[data.index(after: cut)...]) : Data()
    var pages = (try? StextReader.read(stext, maxDepth: limits.maxXMLDepth)) ?? []
    let drawn = (try? TraceReader.read(trace, maxDepth: limits.maxXMLDepth)) ?? []
    if pages.isEmpty {
      pages = drawn
    } else {
      for index in pages.indices where index < drawn.count {
        pages[index].rulings = drawn[index].rulings
        pages[index].imageCount = drawn[index].imageCount
      }
    }
    _ = PDFTableReader(limits: limits).read(pages)
  }
}

#if TABLEMEND_FUZZ
  /// libFuzzer's entry point.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzPDFOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    FuzzPDF.run(Data(bytes: bytes, count: count))
    return 0
  }
#else
  /// Replays inputs without sanitizers: `TablemendFuzzPDF FILE…`.
  @main
  enum FuzzPDFReplay {
    static func main() {
      FuzzReplay.main(FuzzPDF.run)
    }
  }
#endif
