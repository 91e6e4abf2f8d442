// The compact YAML tree: yaml-cpp's events into flat buffers (see yaml_tree.hpp).
#include "scenarios/yaml_tree.hpp"

#include <algorithm>
#include <exception>
#include <istream>
#include <limits>
#include <optional>
#include <stdexcept>
#include <streambuf>
#include <thread>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "scenarios/yaml_top_level.hpp"

namespace drsim::scenarios::yaml {

namespace {
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
}

// One node: 28 bytes. Scalars: text = [a, a + b) of Tree::text. Collections:
// children = [a, a + b) of Tree::children (a map's pairs as key, value: b is 2 x pairs).
struct Item {
  std::uint32_t tag_offset = 0;
  std::uint32_t tag_size = 0;
  std::int32_t line = -1;
  std::int32_t column = -1;
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  Kind kind = Kind::null;
};

struct Tree {
  std::vector<Item> items;
  std::vector<std::uint32_t> children;
  std::string text = "?!";  // the two usual tags first, shared by every node that has them
  std::uint32_t root = kNone;

  const Item& at(std::uint32_t i) const { return items[i]; }
};

namespace {

std::uint32_t checked(std::size_t n) {
  if (n >= kNone) throw std::length_error("yaml tree: the document is too large");
  return static_cast<std::uint32_t>(n);
}

// Builds the tree as yaml-cpp's NodeBuilder does: a node is attached to the open
// collection when it is complete (scalars, nulls and aliases at once, collections
// at their end); an alias attaches the node registered for its anchor.
class Builder final : public YAML::EventHandler {
 public:
  explicit Builder(Tree& tree) : tree_(tree) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    attach(add(mark, Kind::null, nullptr, anchor));
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    if (anchor < anchors_.size() && anchors_[anchor] != kNone) {
      attach(anchors_[anchor]);
    } else {  // yaml-cpp's parser refuses an unknown anchor before this; stay safe anyway
      attach(add(YAML::Mark::null_mark(), Kind::null, nullptr, 0));
    }
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const std::uint32_t i = add(mark, Kind::scalar, &tag, anchor);
    Item& item = tree_.items[i];
    item.a = checked(tree_.text.size());
    item.b = checked(value.size());
    tree_.text += value;
    attach(i);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(add(mark, Kind::sequence, &tag, anchor));
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(add(mark, Kind::map, &tag, anchor));
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    std::uint32_t node;
    std::size_t first_pending;
  };

  std::uint32_t add(const YAML::Mark& mark, Kind kind, const std::string* tag, YAML::anchor_t anchor) {
    const std::uint32_t i = checked(tree_.items.size());
    Item item;
    item.kind = kind;
    item.line = mark.line;
    item.column = mark.column;
    if (tag) set_tag(item, *tag);
    tree_.items.push_back(item);
    if (anchor != 0) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, kNone);
      anchors_[anchor] = i;
    }
    return i;
  }

  void set_tag(Item& item, const std::string& tag) {
    if (tag == "?") {
      item.tag_offset = 0;
      item.tag_size = 1;
    } else if (tag == "!") {
      item.tag_offset = 1;
      item.tag_size = 1;
    } else if (!tag.empty()) {
      item.tag_offset = checked(tree_.text.size());
      item.tag_size = checked(tag.size());
      tree_.text += tag;
    }
  }

  void attach(std::uint32_t i) {
    if (frames_.empty()) {
      tree_.root = i;  // the document's one top-level node
    } else {
      pending_.push_back(i);
    }
  }

  void open(std::uint32_t i) {
    attach(i);
    frames_.push_back(Frame{i, pending_.size()});
  }

  void close() {
    if (frames_.empty()) return;
    const Frame f = frames_.back();
    frames_.pop_back();
    Item& item = tree_.items[f.node];
    std::size_t n = pending_.size() - f.first_pending;
    if (item.kind == Kind::map) n -= n % 2;  // the parser always pairs a key with a value
    item.a = checked(tree_.children.size());
    item.b = checked(n);
    tree_.children.insert(tree_.children.end(), pending_.begin() + static_cast<std::ptrdiff_t>(f.first_pending),
                          pending_.begin() + static_cast<std::ptrdiff_t>(f.first_pending + n));
    pending_.resize(f.first_pending);
  }

  Tree& tree_;
  std::vector<std::uint32_t> anchors_{kNone};  // anchors count from 1
  std::vector<Frame> frames_;
  std::vector<std::uint32_t> pending_;  // children of the open collections, innermost last
};

// An input stream over the caller's bytes (no copy, unlike YAML::Load's stringstream).
class ViewBuffer final : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* p = const_cast<char*>(text.data());  // read only: the get area is never written
    setg(p, p, p + text.size());
  }
};

}  // namespace

Kind Node::kind() const { return tree_ ? tree_->at(index_).kind : Kind::null; }

std::string_view Node::scalar_view() const {
  if (!tree_) return {};
  const Item& item = tree_->at(index_);
  if (item.kind != Kind::scalar) return {};
  return std::string_view(tree_->text).substr(item.a, item.b);
}

std::string_view Node::Tag() const {
  if (!tree_) return {};
  const Item& item = tree_->at(index_);
  return std::string_view(tree_->text).substr(item.tag_offset, item.tag_size);
}

yaml::Mark Node::Mark() const {
  if (!tree_) return {};
  const Item& item = tree_->at(index_);
  return yaml::Mark{item.line, item.column};
}

std::size_t Node::size() const {
  if (!tree_) return 0;
  const Item& item = tree_->at(index_);
  if (item.kind == Kind::map) return item.b / 2;
  if (item.kind == Kind::sequence) return item.b;
  return 0;
}

Node::iterator Node::begin() const {
  if (!tree_) return {};
  const Item& item = tree_->at(index_);
  if (item.kind != Kind::map && item.kind != Kind::sequence) return {};
  return iterator(tree_, tree_->children.data() + item.a, item.kind == Kind::map);
}

Node::iterator Node::end() const {
  if (!tree_) return {};
  const Item& item = tree_->at(index_);
  if (item.kind != Kind::map && item.kind != Kind::sequence) return {};
  return iterator(tree_, tree_->children.data() + item.a + item.b, item.kind == Kind::map);
}

void Node::iterator::load() const {
  if (map_) {
    value_.first = Node(tree_, at_[0]);
    value_.second = Node(tree_, at_[1]);
  } else {
    static_cast<Node&>(value_) = Node(tree_, at_[0]);
  }
}

Document::Document() = default;
Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;

Node Document::root() const {
  if (!tree_ || tree_->root == kNone) return Node();
  return Node(tree_.get(), tree_->root);
}

std::size_t Document::node_count() const { return tree_ ? tree_->items.size() : 0; }

namespace {

std::unique_ptr<Tree> parse_tree(std::string_view text) {
  auto tree = std::make_unique<Tree>();
  ViewBuffer buffer(text);
  std::istream in(&buffer);
  YAML::Parser parser(in);
  Builder builder(*tree);
  parser.HandleNextDocument(builder);  // the first document only, as YAML::Load
  return tree;
}

// The key that closes every part but the last: parsed where the next part's first key
// stands, it gives the part's last nodes the marks they have in the whole text (yaml-cpp
// marks an empty value with the next token), and is dropped again.
constexpr std::string_view kNextKey = "x:\n";

// One part of a cut text, parsed alone: its top-level pairs (indices into its tree), or
// nothing when the part is not a block mapping at column 0 that ends where the next begins.
struct Part {
  std::unique_ptr<Tree> tree;
  std::vector<std::uint32_t> pairs;  // key, value, key, value ...
  int first_line = 0;                // the part's first line in the whole text (0-based)
};

std::optional<Part> parse_part(std::string_view text, bool last, int first_line) {
  Part part;
  part.first_line = first_line;
  try {
    if (last) {
      part.tree = parse_tree(text);
    } else {
      std::string closed;
      closed.reserve(text.size() + kNextKey.size());
      closed.append(text).append(kNextKey);
      part.tree = parse_tree(closed);
    }
  } catch (...) {
    return std::nullopt;  // the whole text is parsed instead: its error is the one reported
  }
  const Tree& t = *part.tree;
  if (t.root == kNone || t.at(t.root).kind != Kind::map || t.at(t.root).column != 0) return std::nullopt;
  const Item& root = t.at(t.root);
  part.pairs.assign(t.children.begin() + root.a, t.children.begin() + root.a + root.b);
  if (!last) {
    const int closing_line = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    if (part.pairs.size() < 2) return std::nullopt;
    const Item& key = t.at(part.pairs[part.pairs.size() - 2]);
    if (key.kind != Kind::scalar || key.line != closing_line || key.column != 0 ||
        std::string_view(t.text).substr(key.a, key.b) != "x") {
      return std::nullopt;
    }
    part.pairs.resize(part.pairs.size() - 2);
  }
  return part;
}

// Appends `part`'s tree to `into` (indices, text offsets and lines moved), returning
// its top-level pairs as indices of `into`.
std::vector<std::uint32_t> append_part(Tree& into, const Part& part) {
  const Tree& from = *part.tree;
  const std::uint32_t items = checked(into.items.size());
  const std::uint32_t children = checked(into.children.size());
  // Both texts start with the shared tags "?!"; the rest of `from`'s text moves to the end.
  const std::uint32_t text = checked(into.text.size()) - 2;
  into.items.reserve(into.items.size() + from.items.size());
  for (Item item : from.items) {
    if (item.tag_offset >= 2) item.tag_offset += text;
    if (item.line >= 0) item.line += part.first_line;
    if (item.kind == Kind::scalar) {
      item.a += text;
    } else if (item.kind == Kind::map || item.kind == Kind::sequence) {
      item.a += children;
    }
    into.items.push_back(item);
  }
  into.children.reserve(into.children.size() + from.children.size());
  for (const std::uint32_t c : from.children) into.children.push_back(c + items);
  into.text.append(from.text, 2);
  checked(into.items.size());
  checked(into.children.size());
  checked(into.text.size());
  std::vector<std::uint32_t> pairs;
  pairs.reserve(part.pairs.size());
  for (const std::uint32_t p : part.pairs) pairs.push_back(p + items);
  return pairs;
}

// The tree of `text` from its parts parsed on one thread each, or nothing when a part
// does not parse alone (the caller then parses the whole text).
std::unique_ptr<Tree> parse_in_parts(std::string_view text, const std::vector<std::size_t>& cuts) {
  std::vector<std::size_t> starts{0};
  starts.insert(starts.end(), cuts.begin(), cuts.end());
  std::vector<std::optional<Part>> parts(starts.size());
  auto parse = [&](std::size_t k) {
    const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : text.size();
    const auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(starts[k]), '\n');
    parts[k] = parse_part(text.substr(starts[k], end - starts[k]), k + 1 == starts.size(), static_cast<int>(line));
  };
  {
    std::vector<std::jthread> threads;
    for (std::size_t k = 1; k < starts.size(); ++k) threads.emplace_back(parse, k);
    parse(0);
  }
  if (!std::all_of(parts.begin(), parts.end(), [](const auto& p) { return p.has_value(); })) return nullptr;
  Tree& tree = *parts[0]->tree;
  std::vector<std::uint32_t> pairs = parts[0]->pairs;
  for (std::size_t k = 1; k < parts.size(); ++k) {
    const auto more = append_part(tree, *parts[k]);
    pairs.insert(pairs.end(), more.begin(), more.end());
  }
  Item& root = tree.items[tree.root];  // the first part's root map holds every part's pairs
  root.a = checked(tree.children.size());
  root.b = checked(pairs.size());
  tree.children.insert(tree.children.end(), pairs.begin(), pairs.end());
  checked(tree.children.size());
  return std::move(parts[0]->tree);
}

// Parts a text of this size is parsed in: one per core (at most 4), each of at least 1 MiB.
std::size_t parts_for(std::size_t bytes) {
  constexpr std::size_t kPartBytes = std::size_t{1} << 20;
  const std::size_t cores = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
  return std::clamp<std::size_t>(bytes / kPartBytes, 1, cores);
}

}  // namespace

Document load_in_parts(std::string_view text, std::size_t parts) {
  Document doc;
  if (const auto cuts = top_level_cuts(text, parts); !cuts.empty()) {
    doc.tree_ = parse_in_parts(text, cuts);
    if (doc.tree_) doc.parts_ = cuts.size() + 1;
  }
  if (!doc.tree_) doc.tree_ = parse_tree(text);
  doc.tree_->items.shrink_to_fit();
  doc.tree_->children.shrink_to_fit();
  doc.tree_->text.shrink_to_fit();
  return doc;
}

Document load(std::string_view text) { return load_in_parts(text, parts_for(text.size())); }

}  // namespace drsim::scenarios::yaml
