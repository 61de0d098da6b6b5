package io.tiffin.nlu.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Ways of counting that say a count once for a list or leave a part of a split unread, rewritten
 * into the one-count-a-line form the assembler reads. Both run on the words after spelling is read,
 * so an unread word is one no menu or lexicon explains, never a typo of one.
 */
final class CountedPhrasings {

    private CountedPhrasings() {}

    static String[] read(Lexicon lexicon, String[] tokens, MenuIndex index) {
        return describedItems(
                lexicon, withoutUnreadParts(lexicon, oneOfEachListed(lexicon, tokens, index), index), index);
    }

    /**
     * "the meatball one", "the teriyaki one with lettuce": a word of one item's name only, said
     * before "one" where no menu word follows, names that item. A word that is a name itself, or
     * that several items share ("the chicken one" on a menu of chicken dishes), is left.
     */
    static String[] describedItems(Lexicon lexicon, String[] tokens, MenuIndex index) {
        for (int i = 1; i < tokens.length; i++) {
            Integer number = count(lexicon, tokens, i);
            if (number == null || number != 1 || lexicon.articles.contains(tokens[i])) {
                continue;
            }
            if (i + 1 < tokens.length && (index.isMenuWord(tokens[i + 1]) || index.canonical(tokens[i + 1]) != null)) {
                continue; // "the large one pizza": a count of what follows
            }
            String word = index.canonical(tokens[i - 1]);
            if (word == null
                    || index.items.longest(new String[] {word}, 0) != null
                    || index.options.longest(new String[] {word}, 0) != null) {
                continue;
            }
            String name = onlyNameWith(lexicon, index, word);
            if (name == null) {
                continue;
            }
            List<String> out = new ArrayList<>(List.of(tokens).subList(0, i - 1));
            out.addAll(List.of(lexicon.normalizer.tokens(name)));
            out.addAll(List.of(tokens).subList(i + 1, tokens.length));
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    /** The one dish or option name of the menu that has {@code word} among its words, or null. */
    private static String onlyNameWith(Lexicon lexicon, MenuIndex index, String word) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (var category : index.menu.categories()) {
            for (var item : category.items()) {
                if (hasWord(lexicon, index, item.name(), item.aliases(), word)) {
                    names.add(item.name());
                }
                for (var group : item.optionGroups()) {
                    for (var option : group.options()) {
                        if (hasWord(lexicon, index, option.name(), option.aliases(), word)) {
                            names.add(option.name());
                        }
                    }
                }
                if (names.size() > 1) {
                    return null;
                }
            }
        }
        return names.size() == 1 ? names.iterator().next() : null;
    }

    private static boolean hasWord(Lexicon lexicon, MenuIndex index, String name, List<String> aliases, String word) {
        List<String> all = new ArrayList<>(aliases);
        all.add(name);
        for (String phrase : all) {
            for (String token : lexicon.normalizer.tokens(phrase)) {
                if (word.equals(index.canonical(token))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "one each of steak, chicken and barbacoa tacos", "one each of the hawaiian and the supreme": one
     * line a member, the head noun said after the last member ("tacos") given to every member. The
     * list ends at a member that opens with a distributive or a count ("..., both medium").
     */
    static String[] oneOfEachListed(Lexicon lexicon, String[] tokens, MenuIndex index) {
        for (int i = 0; i < tokens.length; i++) {
            var phrase = lexicon.oneEach.longest(tokens, i);
            if (phrase == null) {
                continue;
            }
            int from = i + phrase.length();
            String[] canonical = new String[tokens.length];
            for (int k = 0; k < tokens.length; k++) {
                String c = index.canonical(tokens[k]);
                canonical[k] = c == null ? tokens[k] : c;
            }
            List<List<String>> members = new ArrayList<>();
            List<String> joins = new ArrayList<>();
            List<String> member = new ArrayList<>();
            java.util.Set<String> firstKinds = null;
            int end = from;
            int memberStart = from;
            while (end < tokens.length) {
                String t = tokens[end];
                int name = nameLength(index, canonical, end);
                if (name > 1) { // "the steak and cheese": a name's own "and" joins no list
                    member.addAll(List.of(tokens).subList(end, end + name));
                    end += name;
                    continue;
                }
                if (lexicon.listJoins.contains(t)) {
                    if (!member.isEmpty()) {
                        var kinds = kinds(index, canonical, memberStart, end);
                        if (firstKinds == null) {
                            firstKinds = kinds;
                        } else if (java.util.Collections.disjoint(firstKinds, kinds)) {
                            member = new ArrayList<>();
                            end = memberStart;
                            break;
                        }
                        members.add(member);
                        joins.add(t);
                        member = new ArrayList<>();
                    }
                    end++;
                    memberStart = end;
                    continue;
                }
                if (member.isEmpty()
                        && (lexicon.distributive.contains(t)
                                || lexicon.numbers.longest(tokens, end) != null && !lexicon.articles.contains(t))) {
                    break;
                }
                if (member.isEmpty() && (lexicon.articles.contains(t) || t.equals("the"))) {
                    end++;
                    memberStart = end;
                    continue;
                }
                member.add(t);
                end++;
            }
            boolean spread = false;
            if (!member.isEmpty()
                    && firstKinds != null
                    && java.util.Collections.disjoint(firstKinds, kinds(index, canonical, memberStart, end))) {
                member = new ArrayList<>(); // "..., large": said of every member, not one more
                end = memberStart;
                spread = true;
            }
            if (!member.isEmpty()) {
                members.add(member);
            } else if (!joins.isEmpty()) {
                // the join before the words that ended the list stays with them
                while (end > from && !lexicon.listJoins.contains(tokens[end - 1])) {
                    end--;
                }
                end--;
                joins.removeLast();
            }
            if (members.size() < 2) {
                continue;
            }
            List<String> last = members.getLast();
            for (int h = 1; h + 1 < last.size(); h++) {
                if (isItemName(index, last.get(h))) {
                    // "chicken and steak burritos with white rice": what follows the head is for every member
                    end -= last.size() - h - 1;
                    members.set(members.size() - 1, new ArrayList<>(last.subList(0, h + 1)));
                    spread = true;
                    break;
                }
            }
            String head = headAfterList(members, index);
            List<String> out = new ArrayList<>(List.of(tokens).subList(0, i));
            for (int m = 0; m < members.size(); m++) {
                if (m > 0) {
                    out.add(joins.get(m - 1));
                }
                out.add("one");
                out.addAll(members.get(m));
                if (head != null && m < members.size() - 1) {
                    out.add(head);
                }
            }
            int rest = end;
            if (spread) {
                for (; rest < tokens.length && lexicon.listJoins.contains(tokens[rest]); rest++) {
                    out.add(tokens[rest]);
                }
                out.add(lexicon.spreadWord);
            }
            out.addAll(List.of(tokens).subList(rest, tokens.length));
            return out.toArray(String[]::new);
        }
        return tokens;
    }

    /** How many words the item or option name starting at {@code at} has, 0 for none. */
    private static int nameLength(MenuIndex index, String[] canonical, int at) {
        var item = index.items.longest(canonical, at);
        var option = index.options.longest(canonical, at);
        return Math.max(item == null ? 0 : item.length(), option == null ? 0 : option.length());
    }

    /** What a member names: "item" for a dish, else the groups of the options it picks. */
    private static java.util.Set<String> kinds(MenuIndex index, String[] canonical, int from, int to) {
        java.util.Set<String> kinds = new java.util.HashSet<>();
        for (int k = from; k < to; k++) {
            if (index.items.longest(canonical, k) != null) {
                kinds.add("item");
            }
            var option = index.options.longest(canonical, k);
            if (option != null) {
                option.value().forEach(r -> kinds.add(r.groupId()));
            }
        }
        return kinds;
    }

    /** The last word of the last member when it names a dish none of the other members names ("tacos"). */
    private static String headAfterList(List<List<String>> members, MenuIndex index) {
        List<String> last = members.getLast();
        if (last.size() < 2) {
            return null;
        }
        String head = last.getLast();
        String word = index.canonical(head);
        if (word == null || !index.itemsByWord.containsKey(word)) {
            return null;
        }
        for (List<String> m : members.subList(0, members.size() - 1)) {
            for (String t : m) {
                String other = index.canonical(t);
                if (other != null && isItemName(index, t)) {
                    return null;
                }
            }
        }
        return head;
    }

    private static boolean isItemName(MenuIndex index, String token) {
        String word = index.canonical(token);
        return word != null && index.items.longest(new String[] {word}, 0) != null;
    }

    /**
     * "3 coffees one black one with cream and one with honey", "three pizzas, one plain, one with
     * ham": a part of a counted split said in words no menu names is the plain one, which the split
     * already makes of what no part takes. The part goes; before a menu word ("one plain cheese")
     * only its unread words go.
     */
    static String[] withoutUnreadParts(Lexicon lexicon, String[] tokens, MenuIndex index) {
        boolean counted = false;
        List<String> out = null;
        for (int i = 0; i < tokens.length; i++) {
            Integer number = count(lexicon, tokens, i);
            if (number != null && number >= 2) {
                counted = true;
            }
            boolean one = counted && number != null && number == 1 && !lexicon.articles.contains(tokens[i]);
            int run = i + 1;
            while (one && run < tokens.length && unread(lexicon, tokens[run], index)) {
                run++;
            }
            if (!one || run == i + 1 || !anotherPart(lexicon, tokens, i, run)) {
                if (out != null) {
                    out.add(tokens[i]);
                }
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(List.of(tokens).subList(0, i));
            }
            boolean partEnds = run == tokens.length
                    || lexicon.listJoins.contains(tokens[run])
                    || lexicon.numbers.longest(tokens, run) != null;
            if (!partEnds) {
                out.add(tokens[i]);
            } else if (run < tokens.length && lexicon.listJoins.contains(tokens[run])) {
                run++; // "two burgers, one plain and one with bacon": the part's join goes with it
            } else if (!out.isEmpty() && lexicon.listJoins.contains(out.getLast())) {
                out.removeLast();
            }
            i = run - 1;
        }
        return out == null ? tokens : out.toArray(String[]::new);
    }

    /** Whether another part of the split ("one with cream") is said around the part at {@code at}. */
    private static boolean anotherPart(Lexicon lexicon, String[] tokens, int at, int after) {
        for (int k = 0; k < tokens.length; k++) {
            if (k >= at && k < after) {
                continue;
            }
            Integer number = count(lexicon, tokens, k);
            if (number != null && number == 1 && !lexicon.articles.contains(tokens[k])) {
                return true;
            }
        }
        return false;
    }

    /** The count a single word says, digits included ("3", "three"), or null. */
    private static Integer count(Lexicon lexicon, String[] tokens, int at) {
        if (!tokens[at].isEmpty()
                && tokens[at].length() < 4
                && tokens[at].chars().allMatch(Character::isDigit)) {
            return Integer.valueOf(tokens[at]);
        }
        var number = lexicon.numbers.longest(tokens, at);
        return number != null && number.length() == 1 ? number.value() : null;
    }

    private static boolean unread(Lexicon lexicon, String token, MenuIndex index) {
        return !index.isMenuWord(token)
                && index.canonical(token) == null
                && !lexicon.knownWords.contains(token)
                && lexicon.numbers.longest(new String[] {token}, 0) == null
                && token.chars().allMatch(Character::isLetter);
    }
}
