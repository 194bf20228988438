import Foundation
import TablemendModel
import TablemendPDF

/// Pages to read from a PDF: `3-7`, `1,4-5`. 1-based, ranges inclusive.
public struct PageSelection: Sendable, Hashable, CustomStringConvertible {
  /// The ranges, in the order given.
  public var ranges: [ClosedRange<Int>]

  /// Parses `3-7`, `9`, `1,4-5`.
  /// - Returns: nil when the text is not such a list (a page below 1, a range backwards).
  public init?(_ text: String) {
    var ranges: [ClosedRange<Int>] = []
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
      guard bounds.count == 1 || bounds.count == 2,
        bounds.allSatisfy({ !$0.isEmpty && $0.count <= 6 && $0.allSatisfy(\.isASCII) }),
        let low = Int(bounds[0]), let high = Int(bounds[bounds.count - 1]), low >= 1,
        low <= high
      else { return nil }
      ranges.append(low...high)
    }
    guard !ranges.isEmpty else { return nil }
    self.ranges = ranges
  }

  /// mutool's page list.
  public var description: String {
    ranges.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
      .joined(separator: ",")
  }
}

/// The PDF reader: mutool's structured text and drawing trace, read into tables.
enum PDFInput {
  /// `source.dialect` of a PDF.
  static let dialect = "pdf"

  /// True for bytes that start with `%PDF-`, after nothing but ASCII white space or NUL bytes
  /// (at most 1024 of them): a text export that quotes `%PDF-` further on stays text.
  static func accepts(_ data: Data) -> Bool {
    let magic = Array("%PDF-".utf8)
    var index = data.startIndex
    let limit = data.index(index, offsetBy: min(1024, data.count))
    while index < limit, [0x00, 0x09, 0x0A, 0x0D, 0x20].contains(data[index]) {
      index = data.index(after: index)
    }
    guard data.distance(from: index, to: data.endIndex) >= magic.count else { return false }
    return data[index..<data.index(index, offsetBy: magic.count)].elementsEqual(magic)
  }

  /// Reads a PDF's tables and text.
  /// - Throws: `ConversionError` naming the file and what happened.
  static func read(_ data: Data, path: String, options: ConvertOptions) throws(ConversionError)
    -> (blocks: [Block], diagnostics: [Diagnostic])
  {
    let limits = options.limits
    let runner = MutoolRunner(
      seconds: limits.maxPDFSeconds, memoryBytes: limits.maxPDFMemoryBytes,
      outputBytes: limits.maxPDFOutputBytes)
    guard runner.executable != nil else {
      throw ConversionError(path: path, message: MutoolRunner.missing)
    }
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("tablemend-pdf-\(UUID().uuidString)", isDirectory: true)
    do {
      try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: false,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw ConversionError(path: path, message: "cannot make a temporary folder for mutool")
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let pdf = folder.appendingPathComponent("input.pdf")
    do {
      try data.write(to: pdf)
    } catch {
      throw ConversionError(path: path, message: "cannot write a temporary copy for mutool")
    }
    let pages = options.pages?.description
    let text: [PageContent]
    let drawing: [PageContent]
    var warnings: [String]
    do {
      let stext = try runner.draw(
        format: "stext", options: "inhibit-spaces", pdf: pdf, pages: pages, folder: folder)
      warnings = stext.warnings
      text = try StextReader.read(stext.output, maxDepth: limits.maxXMLDepth)
      let trace = try runner.draw(format: "trace", pdf: pdf, pages: pages, folder: folder)
      drawing = try TraceReader.read(trace.output, maxDepth: limits.maxXMLDepth)
    } catch let failure as MutoolRunner.Failure {
      throw ConversionError(path: path, message: failure.message)
    } catch let failure as PDFReadError {
      throw ConversionError(
        path: path, place: failure.place, message: "mutool's output: \(failure.message)")
    } catch {
      throw ConversionError(path: path, message: "\(error)")
    }
    var diagnostics: [Diagnostic] = []
    if !warnings.isEmpty {
      let first = warnings.first { $0.hasPrefix("error:") } ?? warnings[0]
      diagnostics.append(
        Diagnostic(
          .warning, "pdf-damaged",
          "the PDF is damaged; mutool repaired what it could (\(first.prefix(200))), and "
            + "what it read is given: content may be missing", at: nil))
    }
    if text.count != drawing.count {
      diagnostics.append(
        Diagnostic(
          .warning, "pdf-page-mismatch",
          "mutool gave text for \(text.count) pages and drawings for \(drawing.count); "
            + "rulings of the pages past the shorter list are not read", at: nil))
    }
    var merged = text
    for index in merged.indices where index < drawing.count {
      merged[index].rulings = drawing[index].rulings
      merged[index].imageCount = drawing[index].imageCount
      if merged[index].width == 0 { merged[index].width = drawing[index].width }
      if merged[index].height == 0 { merged[index].height = drawing[index].height }
    }
    if merged.isEmpty {
      throw ConversionError(path: path, message: "the PDF has no pages to read")
    }
    let read = PDFTableReader(limits: limits).read(merged)
    return (read.blocks, diagnostics + read.diagnostics)
  }
}
