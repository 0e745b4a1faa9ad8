import { invalid } from "@charts/errors"; console.log(invalid({file:"x"}, "y", 1).message);
