import type { Customer } from '../../domain/customer.js';
import type { Person } from '../../domain/person.js';
import type { Product } from '../../domain/product.js';
import type { CustomerRepository, LinePrice, PersonRepository, PriceRequestLine, PricingService, ProductRepository } from '../ports.js';

/**
 * The master-data ports of the adapter's copy, each read preceded by a look at the export folder
 * (which does nothing until the refresh interval has passed).
 */

type Fresh = () => Promise<void>;

export function freshCustomers(customers: CustomerRepository, fresh: Fresh): CustomerRepository {
  return {
    getByNumber: async (number): Promise<Customer | null> => (await fresh(), customers.getByNumber(number)),
    findByBusinessId: async (businessId) => (await fresh(), customers.findByBusinessId(businessId)),
    findByEmail: async (email) => (await fresh(), customers.findByEmail(email)),
    findByDomain: async (domain) => (await fresh(), customers.findByDomain(domain)),
    searchByName: async (name) => (await fresh(), customers.searchByName(name)),
  };
}

export function freshPersons(persons: PersonRepository, fresh: Fresh): PersonRepository {
  return {
    getByNumber: async (number): Promise<Person | null> => (await fresh(), persons.getByNumber(number)),
    findByEmail: async (email) => (await fresh(), persons.findByEmail(email)),
    list: async () => (await fresh(), persons.list()),
  };
}

export function freshProducts(products: ProductRepository, fresh: Fresh): ProductRepository {
  return {
    getBySku: async (sku): Promise<Product | null> => (await fresh(), products.getBySku(sku)),
    findByCode: async (code) => (await fresh(), products.findByCode(code)),
    async *iterate(options) {
      await fresh();
      yield* products.iterate(options);
    },
  };
}

export function freshPricing(pricing: PricingService, fresh: Fresh): PricingService {
  return {
    price: async (request: { customerNumber: string | null; date: string; lines: PriceRequestLine[] }): Promise<LinePrice[]> => (await fresh(), pricing.price(request)),
  };
}
