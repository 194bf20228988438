import ArgumentParser
import Foundation
import Tablemend
import TablemendBatch

/// `tablemend view FILE... -o review.html`: self-contained HTML pages to review conversions.
struct ViewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "view",
    abstract: "Write an HTML page to review what was rebuilt from each input.",
    discussion: """
      One self-contained page per input (no script, no network): the source lines with their \
      numbers beside every table as rebuilt, with its row and column spans and the cells whose \
      span or text was guessed marked; each form's fields, funds, goals and indicator tree with \
      the raw and the typed value side by side; every diagnostic linked to its cell and line.

      With one file, OUTPUT is the page (default review.html). With a folder or several files, \
      OUTPUT is a folder (default review/) that gets one page per input and an index.html; a \
      file that cannot be converted is listed in the index with its error, and the others go on.

      Examples:
        tablemend view form.docx -o form.html
        tablemend view exports/ -o review/
        tablemend view --encoding gb18030 page.txt
      """)

  @Argument(help: "Files or folders to review.")
  var inputs: [String]

  @Option(name: .shortAndLong, help: "The page (one file) or the folder (several).")
  var output: String?

  @OptionGroup var reader: ReaderOptions

  func validate() throws {
    if inputs.isEmpty { throw ValidationError("give at least one file or folder") }
  }

  func run() throws {
    let converter = Converter(options: try reader.convertOptions())
    let urls = inputs.map { URL(fileURLWithPath: $0) }
    var isDirectory: ObjCBool = false
    let single =
      urls.count == 1
      && FileManager.default.fileExists(atPath: urls[0].path, isDirectory: &isDirectory)
      && !isDirectory.boolValue
    if single {
      let target = URL(fileURLWithPath: output ?? "review.html")
      do {
        try write(Self.page(converter, urls[0], path: urls[0].path).page, to: target)
      } catch let error as ConversionError {
        FileHandle.standardError.write(Data("tablemend: \(error.description)\n".utf8))
        throw ExitCode(1)
      }
      print("wrote \(target.path)")
      return
    }
    let folder = URL(fileURLWithPath: output ?? "review", isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      FileHandle.standardError.write(Data("tablemend: \(folder.path): cannot create folder\n".utf8))
      throw ExitCode(1)
    }
    let walked = InputWalker().walk(urls, skipping: folder)
    var entries: [ReviewPage.IndexEntry] = walked.failures.map {
      ReviewPage.IndexEntry(path: $0.path, page: nil, error: $0.error)
    }
    var failed = walked.failures.count
    var used: Set<String> = ["index.html"]
    let prefix = Self.commonFolder(walked.inputs.map(\.path))
    for input in walked.inputs {
      let name = Self.pageName(for: String(input.path.dropFirst(prefix.count)), taken: &used)
      do {
        let (document, page) = try Self.page(converter, input.url, path: input.path)
        try write(page, to: folder.appendingPathComponent(name))
        entries.append(ReviewPage.IndexEntry(document, page: name))
      } catch let error as ConversionError {
        failed += 1
        FileHandle.standardError.write(Data("tablemend: \(error.description)\n".utf8))
        entries.append(ReviewPage.IndexEntry(path: input.path, page: nil, error: error.message))
      }
    }
    entries.sort { $0.path < $1.path }
    try write(ReviewPage.index(entries), to: folder.appendingPathComponent("index.html"))
    print(
      "wrote \(folder.appendingPathComponent("index.html").path): \(walked.inputs.count) inputs, "
        + "\(failed) failed")
    if failed > 0 { throw ExitCode(1) }
  }

  /// The document of one file (named `path` in it) and its review page.
  static func page(_ converter: Converter, _ url: URL, path: String) throws(ConversionError) -> (
    document: Document, page: String
  ) {
    let data = try converter.load(url)
    let document = try converter.convert(data: data, path: path)
    return (document, ReviewPage.render(document, source: converter.sourceText(data: data)))
  }

  /// The folder all `paths` are in (with its final `/`), or empty.
  static func commonFolder(_ paths: [String]) -> String {
    guard var prefix = paths.first.map({ String($0[...($0.lastIndex(of: "/") ?? $0.startIndex)]) })
    else { return "" }
    for path in paths.dropFirst() {
      while !prefix.isEmpty, !path.hasPrefix(prefix) {
        prefix = String(prefix.dropLast())
        prefix = String(
          prefix[
            ..<(prefix.lastIndex(of: "/").map { prefix.index(after: $0) } ?? prefix.startIndex)])
      }
    }
    return prefix.hasSuffix("/") ? prefix : ""
  }

  /// A page name for an input path: its characters kept where a file name allows them, made
  /// unique.
  static func pageName(for path: String, taken: inout Set<String>) -> String {
    let base = String(
      path.map { "/\\:*?\"<>|".contains($0) ? "_" : $0 }.drop(while: { $0 == "_" || $0 == "." })
    )
    var name = (base.isEmpty ? "input" : base) + ".html"
    var n = 2
    while taken.contains(name) {
      name = "\(base)-\(n).html"
      n += 1
    }
    taken.insert(name)
    return name
  }

  /// Writes a page whole or not at all.
  func write(_ page: String, to url: URL) throws {
    do {
      try Data(page.utf8).write(to: url, options: .atomic)
    } catch {
      FileHandle.standardError.write(Data("tablemend: \(url.path): cannot write\n".utf8))
      throw ExitCode(1)
    }
  }
}
