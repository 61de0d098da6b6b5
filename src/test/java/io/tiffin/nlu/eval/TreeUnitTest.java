package io.tiffin.nlu.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreeUnitTest {

    @Test
    void matchesTreesWhoseSiblingsComeInAnotherOrder() {
        Tree a = Tree.parseAll("(ORDER (PIZZAORDER (NUMBER 1 ) (TOPPING HAM ) (TOPPING ONIONS ) ) )")
                .getFirst();
        Tree b = Tree.parseAll("(ORDER (PIZZAORDER (TOPPING ONIONS ) (TOPPING HAM ) (NUMBER 1 ) ) )")
                .getFirst();

        assertThat(a.canonical()).isEqualTo(b.canonical());
    }

    @Test
    void tellsApartAMissingOrExtraNode() {
        Tree gold = Tree.parseAll("(ORDER (PIZZAORDER (NUMBER 1 ) (TOPPING HAM ) ) )")
                .getFirst();
        Tree extra = Tree.parseAll("(ORDER (PIZZAORDER (NUMBER 1 ) (TOPPING HAM ) (TOPPING HAM ) ) )")
                .getFirst();
        Tree negated = Tree.parseAll("(ORDER (PIZZAORDER (NUMBER 1 ) (NOT (TOPPING HAM ) ) ) )")
                .getFirst();

        assertThat(extra.canonical()).isNotEqualTo(gold.canonical());
        assertThat(negated.canonical()).isNotEqualTo(gold.canonical());
    }

    @Test
    void readsSeveralRootsAndMultiWordLeaves() {
        List<Tree> roots =
                Tree.parseAll("(DRINKORDER (NUMBER four ) (DRINKTYPE seven ups ) ) (PIZZAORDER (SIZE large ) )");

        assertThat(roots).hasSize(2);
        assertThat(roots.getFirst().children().get(1).children())
                .extracting(Tree::label)
                .containsExactly("seven", "ups");
        assertThat(roots.get(1).toString()).isEqualTo("(PIZZAORDER (SIZE large ) )");
    }
}
